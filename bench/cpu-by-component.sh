#!/usr/bin/env bash
# Issue 20 target 1, the profile: where the CPU goes, by component, in CPU-seconds per million readings. The
# standalone (one JVM: embedded Kafka, gateway, Flink job, console with its notifier, recorder) on the load park at
# RATE readings/s (default 10000) with the demo rules that apply to it; after WARMUP seconds (default 30) the CPU
# time of every thread (/proc/<pid>/task/*/stat, user + system) is read, again MEASURE seconds later (default 60),
# and the difference is grouped by the thread's name (jcmd Thread.print) into gateway, Kafka broker, rules job,
# console, recorder, JIT, GC and the rest. The load generator is a separate JVM, shown apart. RUNS runs
# (default 3): each run's table, then min / median / max per component.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-10000}
POINTS=${POINTS:-1000}
WARMUP=${WARMUP:-30}
MEASURE=${MEASURE:-60}
RUNS=${RUNS:-3}
OUT=bench/out/cpu
mvn -q -B install -DskipTests
CLI=(java -cp "cli/target/parkwatch.jar:cli/target/lib/*" io.parkwatch.cli.ParkWatchCli)
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1)"
echo "cpu by component: $RATE readings/s, $POINTS points, warm-up $WARMUP s, measured $MEASURE s, $RUNS runs"
# utime + stime of a /proc stat file, counted after the ")" that ends the thread's name: a name with spaces in it
# ("point rules (1/1)#0", "C2 CompilerThread0") shifts awk's fields, which left Flink's task threads out until 2026-12-01
cpu_ticks() {
  sed 's/^.*) //' "$1" 2>/dev/null | awk '{print $12 + $13}' || echo 0
}
snapshot() { # $1 pid, $2 file: "tid ticks name" per thread
  jcmd "$1" Thread.print 2>/dev/null | sed -nE 's/^"(.*)" .* nid=(0x[0-9a-f]+) .*/\2\t\1/p' > "$2.names" || true
  for t in /proc/"$1"/task/*; do
    echo "$(basename "$t") $(cpu_ticks "$t/stat")"
  done > "$2.ticks"
}
rm -f "$OUT.all"
for run in $(seq "$RUNS"); do
  rm -rf "$OUT" && mkdir -p "$OUT"
  "${CLI[@]}" load --write-park "$OUT/park" --points "$POINTS" --connections 4 > /dev/null
  python3 bench/lib/with-demo-rules.py "$OUT/park/rules.yaml" config/rules.yaml "$OUT/park/rules.yaml"
  ( . "$OUT/park/env.sh"; export PARKWATCH_GATEWAY_HJ212_PORT=-1
    exec java @cli/target/jvm.options -cp "cli/target/parkwatch.jar:cli/target/lib/*" io.parkwatch.cli.ParkWatchCli run
  ) > "$OUT/parkwatch.log" 2>&1 &
  pid=$!
  for _ in $(seq 90); do grep -q "ParkWatch ready" "$OUT/parkwatch.log" && break; sleep 1; done
  "${CLI[@]}" load --points "$POINTS" --rate "$RATE" --connections 4 --batch 100 \
    --duration "$((WARMUP + MEASURE + 30))s" --report-every 10s --warmup "${WARMUP}s" > "$OUT/load.txt" 2>&1 &
  load=$!
  sleep 2
  loadpid=$load # the java process itself: bash execs a background simple command
  sleep "$((WARMUP - 2))"
  # the load's CPU first: a snapshot of a few hundred threads takes seconds on a busy machine
  loadbefore=$(cpu_ticks "/proc/$loadpid/stat")
  snapshot "$pid" "$OUT/before"
  sleep "$MEASURE"
  loadafter=$(cpu_ticks "/proc/$loadpid/stat")
  snapshot "$pid" "$OUT/after"
  wait "$load" || true
  kill "$pid"; wait "$pid" || true
  echo "--- run $run: $(grep '^load:' "$OUT/load.txt" | cut -c1-120)"
  python3 - "$OUT" "$RATE" "$MEASURE" "$((loadafter - loadbefore))" "$(getconf CLK_TCK)" <<'PY' | tee -a "$OUT.all"
import os, re, sys
out, rate, measure, load_ticks, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
def ticks(f):
    return {int(a): int(b) for a, b in (l.split() for l in open(f) if l.strip())}
names = {}
for f in (f"{out}/before.names", f"{out}/after.names"):
    for l in open(f):
        nid, name = l.rstrip("\n").split("\t", 1)
        names[int(nid, 16)] = name
before, after = ticks(f"{out}/before.ticks"), ticks(f"{out}/after.ticks")
# first match wins; names as the components give their threads
groups = [
    ("gateway", r"^gateway-|\| parkwatch-gateway$"),
    ("console + notifier", r"^console-|^parkwatch-console|\| parkwatch-console|^metrics-http|^notifier|^overdue|^escalat"),
    ("recorder", r"recorder|influx"),
    ("Kafka broker", r"^data-plane-kafka|^kafka-scheduler|^kafka-\d|^group-coordinator|^quorum-controller|^broker-|"
                     r"^controller-|^raft-|^share-|^persister|^transaction-log|^ExpirationReaper|^network-partition|"
                     r"^client-metrics|^kafka-log-cleaner|^metrics-meter-tick|^LogDirFailureHandler|^ReplicaFetcher"),
    ("rules job (Flink)", r"^Source: |^OutputFlusher|^AsyncOperations|^flink-|^Flink-|^jobmanager|^taskmanager|"
                          r"^resourcemanager|^mini-cluster|^Checkpoint Timer|^SourceCoordinator|\(\d+/\d+\)#\d+$|"
                          r"^kafka-producer-network-thread \| producer-|^kafka-admin-client-thread \| parkwatch-(rules|job)|"
                          r"^executor-|^Sweeper|^pekko|^Timer-"),
    ("config followers", r"^parkwatch-config"),
    ("JIT compiler", r"^C[12] CompilerThread"),
    ("GC", r"^GC Thread|^G1 "),
]
per = {}
unnamed = 0
for tid, t in after.items():
    d = t - before.get(tid, 0)
    if d <= 0:
        continue
    name = names.get(tid)
    g = "other (JVM, unnamed)"
    if name is None:
        unnamed += d
    else:
        for label, rx in groups:
            if re.search(rx, name):
                g = label
                break
    per[g] = per.get(g, 0) + d
million = rate * measure / 1e6
total = sum(per.values())
for g, d in sorted(per.items(), key=lambda x: -x[1]):
    print(f"cpu {g:24s} {d / hz:7.1f} s  {d / hz / million:6.2f} s per million readings  {100 * d / total:5.1f} %")
print(f"cpu {'ParkWatch total':24s} {total / hz:7.1f} s  {total / hz / million:6.2f} s per million readings  "
      f"({total / hz / measure:.2f} of {os.cpu_count()} cores)")
print(f"cpu {'load generator (apart)':24s} {load_ticks / hz:7.1f} s  {load_ticks / hz / million:6.2f} s per million readings")
PY
done
echo "=== min / median / max over $RUNS runs, CPU-seconds per million readings:"
python3 - "$OUT.all" <<'PY'
import re, sys, statistics
by = {}
for l in open(sys.argv[1]):
    m = re.match(r"cpu (.{24}) +[\d.]+ s +([\d.]+) s per million", l)
    if m:
        by.setdefault(m.group(1).strip(), []).append(float(m.group(2)))
for g, xs in sorted(by.items(), key=lambda x: -statistics.median(x[1])):
    xs.sort()
    print(f"{g:24s} {xs[0]:6.2f} / {statistics.median(xs):6.2f} / {xs[-1]:6.2f}")
PY
