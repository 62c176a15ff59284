#!/usr/bin/env bash
# Sensitivity check for changes to rule state (issue 20, target 2): every scenario of the library, its readings
# generated once by the simulator, run through the per-point rules of this checkout and of BASE (a git revision,
# default HEAD~1); prints the alerts that differ and the shifts in detection time (min / median / max). The
# simulated baselines depend on the clock, so each of RUNS recordings (default 3) differs a little.
# Usage: [RUNS=n] bench/detection-times.sh [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-HEAD~1}
RUNS=${RUNS:-3}
OUT=bench/out/detection-times
rm -rf "$OUT" && mkdir -p "$OUT/new" "$OUT/base"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); base $(git rev-parse --short "$BASE"), this checkout $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with changes')"
mvn -q -B compile -pl alert-rules,platform,simulator
mvn -q -B -pl simulator dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/third.cp" > /dev/null
THIRD=$(tr ':' '\n' < "$OUT/third.cp" | grep -v '/io/parkwatch/' | paste -sd:)
WT=$(mktemp -d)
trap 'git worktree remove --force "$WT" > /dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$WT" "$BASE"
(cd "$WT" && mvn -q -B compile -pl alert-rules,platform,simulator)
cp_of() { echo "$1/alert-rules/target/classes:$1/platform/target/classes:$1/simulator/target/classes:$THIRD"; }
javac -d "$OUT/new" -cp "$(cp_of "$PWD")" bench/detection-times/*.java
javac -d "$OUT/base" -cp "$(cp_of "$WT")" bench/detection-times/PerPointEvents.java
for run in $(seq 1 "$RUNS"); do
  java -cp "$OUT/new:$(cp_of "$PWD")" ScenarioReadings "$PWD" "$OUT/readings-$run.csv" 2>&1 | grep -v ' INFO ' | tr '\n' ' '
  echo
  java -cp "$OUT/base:$(cp_of "$WT")" PerPointEvents "$PWD" "$OUT/readings-$run.csv" > "$OUT/base-$run.txt" 2> /dev/null
  java -cp "$OUT/new:$(cp_of "$PWD")" PerPointEvents "$PWD" "$OUT/readings-$run.csv" > "$OUT/new-$run.txt" 2> /dev/null
  echo "recording $run: alerts that differ (< before, > now)"
  diff "$OUT/base-$run.txt" "$OUT/new-$run.txt" | grep '^[<>]' || true
done
python3 - "$OUT" "$RUNS" <<'PY'
import sys, collections
def read(p):
    d = collections.defaultdict(list)
    for l in open(p):
        f = l.split(); d[(f[0], f[1], f[2], f[3])].append(float(f[5]))
    return d
total = {"before": 0, "now": 0, "missing": 0, "new": 0}
shifts = []
for run in range(1, int(sys.argv[2]) + 1):
    base, new = read(f"{sys.argv[1]}/base-{run}.txt"), read(f"{sys.argv[1]}/new-{run}.txt")
    total["before"] += sum(map(len, base.values())); total["now"] += sum(map(len, new.values()))
    total["missing"] += sum(max(0, len(base[k]) - len(new.get(k, []))) for k in base)
    total["new"] += sum(max(0, len(new[k]) - len(base.get(k, []))) for k in new)
    shifts += [b - a for k in base for a, b in zip(base[k], new.get(k, []))]
s = sorted(shifts)
print(f"over {sys.argv[2]} recordings: {total['before']} alerts before, {total['now']} now ({total['missing']} missing,"
      f" {total['new']} new); shift of the same alerts (now - before) min / median / max"
      f" {s[0]:+.1f} / {s[len(s)//2]:+.1f} / {s[-1]:+.1f} s; {sum(1 for x in s if x)} of {len(s)} moved;"
      f" within 1 s: {sum(1 for x in s if abs(x) <= 1)}")
PY
