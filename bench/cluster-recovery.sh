#!/usr/bin/env bash
# A TaskManager SIGKILLed while it holds many points' state (issue 20, target 3): a Kafka broker and a Flink
# standalone cluster as processes, the load park's POINTS points (default 100000) one reading each, then the kill.
# Prints, per run, the checkpoint's size and duration and the times from the kill to the failure noticed, to the job
# running on restored state and to the next alarm on Kafka; then min / median / max of the last over the runs.
# Snapshot compression on, as the deployments set it; COMPRESSION=false to see a cluster configured without it.
# Memory: JM_MEMORY (JobManager process, default 1280m), TM_MEMORY (TaskManager process, 4096m), INIT_HEAP (1g).
# RECORDING=FILE keeps a flight recording (JFR) of the TaskManager started after the kill (its first 120 s).
# Usage: [RUNS=n] [POINTS=n] [BACKENDS="rocksdb hashmap"] [COMPRESSION=false] bench/cluster-recovery.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1)"
mvn -B -q -DskipTests -Dfuzz.skip install -pl deploy/flink-cluster -am
for backend in ${BACKENDS:-rocksdb hashmap}; do
  alarms=()
  for run in $(seq 1 "$RUNS"); do
    log="deploy/flink-cluster/target/cluster-recovery-$backend-$run.log"
    mvn -B verify -pl deploy/flink-cluster -Dit.test=ClusterRecoveryAtScaleIT -Dbenchmarks.excluded= \
      -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dfailsafe.rerunFailingTestsCount=0 -Dfuzz.skip -Dparkwatch.bench.points="${POINTS:-100000}" \
      -Dparkwatch.bench.backend="$backend" -Dparkwatch.bench.compression="${COMPRESSION:-true}" \
      -Dparkwatch.bench.jobmanager-memory="${JM_MEMORY:-1280m}" -Dparkwatch.bench.taskmanager-memory="${TM_MEMORY:-4096m}" \
      -Dparkwatch.bench.init-heap="${INIT_HEAP:-1g}" -Dparkwatch.bench.recording="${RECORDING:-}" > "$log" 2>&1 || true
    line=$(grep -m1 "^RECOVERY AT SCALE" "$log" || true)
    echo "run $run: ${line:-failed (see $log)}"
    ms=$(sed -n 's/.*the alarm on [^ ]* \([0-9,]*\) ms.*/\1/p' <<<"$line" | tr -d ,)
    [ -n "$ms" ] && alarms+=("$ms")
  done
  if [ "${#alarms[@]}" -gt 0 ]; then
    sorted=($(printf '%s\n' "${alarms[@]}" | sort -n))
    n=${#sorted[@]}
    echo "$backend, ${POINTS:-100000} points: kill to alarm min / median / max ${sorted[0]} / ${sorted[$((n / 2))]} / ${sorted[$((n - 1))]} ms over $n runs"
  fi
done
