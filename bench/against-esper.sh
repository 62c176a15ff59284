#!/usr/bin/env bash
# Issue 20 target 6: the core against Esper on the same recorded readings of a gas detector (JMH, one thread):
# the GB/T 50493 gas rule (alarm / critical, deadband, on-delay) by the core's ThresholdEvaluator and by the same
# logic in EPL (bench/jmh: AgainstEsper, EsperGasRule); and every per-point rule of the detector (threshold, rate,
# trend, quality) by the core's RuleEngine and in EPL (EsperGasDetector). Both first judge each recording and must
# give the same transitions, or the run stops. FORKS JVMs (default 3), each 3 x 2 s warm-up and 5 x 2 s measured; prints each
# fork's mean and min / median / max over the forks, in readings judged per second, and the ratio of medians.
set -euo pipefail
cd "$(dirname "$0")/.."
FORKS=${FORKS:-3}
mvn -q -B install -DskipTests -pl bench/jmh -am
mvn -q -B -pl bench/jmh dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath > /dev/null
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), Esper $(grep -o '<esper.version>[^<]*' bench/jmh/pom.xml | cut -d'>' -f2)"
mkdir -p bench/out
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.classpath)" -Dparkwatch.config=config \
  org.openjdk.jmh.Main io.parkwatch.bench.AgainstEsper -f "$FORKS" -rf json -rff bench/out/against-esper.json "$@" \
  | grep -E "same transitions|same alerts|^Benchmark|^AgainstEsper" | sed -E "s/.*(same transitions|same alerts)/\1/" \
  | sed -E "s/ \(first pass.*//" | awk '!seen[$0]++'
python3 - bench/out/against-esper.json <<'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))
med = {}
for r in runs:
    name = r["benchmark"].rsplit(".", 1)[1]
    # each fork's mean over its measured iterations
    forks = sorted(statistics.mean(f) for f in r["primaryMetric"]["rawData"])
    med[name] = statistics.median(forks)
    print(f"{name}: per fork {', '.join(f'{x:,.0f}' for x in forks)} readings/s; "
          f"min / median / max {forks[0]:,.0f} / {med[name]:,.0f} / {forks[-1]:,.0f}")
for what, core, esper in (("the gas rule", "coreGasRule", "esperGasRule"),
                          ("the whole detector", "coreGasDetector", "esperGasDetector")):
    if core in med and esper in med:
        print(f"{what}: ratio of medians core / Esper {med[core] / med[esper]:.1f}")
PY
