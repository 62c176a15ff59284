#!/usr/bin/env bash
# Benchmark 3: rule state per point with 100,000 and 1,000,000 points (live heap after full GC), then what a point
# costs in the job's per-point function with Flink's own per-key bookkeeping (heap state backend), at FLINK_POINTS.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl bench/jmh -am
mvn -q -B -pl bench/jmh dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath > /dev/null
POINTS=("$@"); [ ${#POINTS[@]} -gt 0 ] || POINTS=(100000 1000000)
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1)"
java -Xmx8g -XX:+UseParallelGC -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.classpath)" \
  io.parkwatch.bench.StateFootprint "${POINTS[@]}"
for run in 1 2 3; do
  java -Xmx8g -XX:+UseParallelGC -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.classpath)" \
    io.parkwatch.bench.PointStateFootprint "${FLINK_POINTS:-100000}" | grep -v ' of 180 s'
done
