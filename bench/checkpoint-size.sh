#!/usr/bin/env bash
# Issue 20, target 3: checkpoint size and duration of the job's per-point state, heap against RocksDB with
# incremental checkpoints, and how long a restore takes; RUNS runs (default 3) at each of the given point counts.
# RocksDB as deploy/README configures it (index and filter blocks partitioned; ROCKSDB_PARTITIONED=false for Flink's
# default, which crawls at a million points), with ROCKSDB_MEMORY for the slot (default 256m). SNAPSHOT_COMPRESSION=true
# compresses the heap's snapshots as the standalone and deploy/ do (false, the default here, for the figures before).
# Usage: [RUNS=n] [BACKENDS="hashmap rocksdb"] [ROCKSDB_MEMORY=256m] [SNAPSHOT_COMPRESSION=true] bench/checkpoint-size.sh [points...] (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl bench/jmh -am
mvn -q -B -pl bench/jmh dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath > /dev/null
POINTS=("$@"); [ ${#POINTS[@]} -gt 0 ] || POINTS=(100000)
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1), disk $(df -h /tmp | awk 'NR==2 {print $2, $1}')"
for n in "${POINTS[@]}"; do
  for backend in ${BACKENDS:-hashmap rocksdb}; do
    for run in $(seq 1 "${RUNS:-3}"); do
      # a fixed heap, as Flink starts a TaskManager (-Xms = -Xmx); JAVA_OPTS for more (a GC log, a profiler)
      java -Xms6g -Xmx6g -XX:+UseParallelGC -Drocksdb.memory="${ROCKSDB_MEMORY:-256m}" \
        -Drocksdb.partitioned-index-filters="${ROCKSDB_PARTITIONED:-true}" \
        -Dsnapshot.compression="${SNAPSHOT_COMPRESSION:-false}" ${JAVA_OPTS:-} \
        -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.classpath)" io.parkwatch.bench.CheckpointFootprint "$n" "$backend"
    done
  done
done
