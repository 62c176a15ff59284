#!/usr/bin/env bash
# Issue 14 section 1: a Kafka broker lost under load. KafkaBrokerFailoverIT (three KRaft nodes as processes,
# replication 3, min.insync.replicas 2; the job exactly-once on a Flink standalone cluster; two gateways; a
# console) RUNS times (default 5) at RATE readings/s (default 5000), QoS 1. Each run kills the node leading
# the readings, brings it back, waits for full replication, then does the same to the node leading the alert
# events; it fails on any acknowledged reading missing or any alert event missing, extra or twice.
# Prints each run's FAILOVER line, then min / median / max of each figure over the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
RATE=${RATE:-5000}
OUT=bench/out/kafka-failover.txt
mkdir -p bench/out && : > "$OUT"
mvn -B -q -DskipTests install
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1)"
for run in $(seq "$RUNS"); do
  echo "--- run $run of $RUNS at $RATE readings/s"
  mvn -B verify -pl deploy/flink-cluster -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=KafkaBrokerFailoverIT -Dfailsafe.rerunFailingTestsCount=0 -Dfuzz.skip \
    -Dfailover.rate="$RATE" | grep -E "^FAILOVER|Tests run:|FAIL|Expect|expected|but was" | tee -a "$OUT" || echo "run $run FAILED" | tee -a "$OUT"
done
# min / median / max of each figure (name=value; the figures after "readings-leader:" / "events-leader:" are named
# after the kill they belong to) over the runs
grep "^FAILOVER" "$OUT" | sed 's/|//g' | awk '{ prefix = ""; for (i = 2; i <= NF; i++) { if ($i ~ /:$/) { prefix = $i; continue }
  split($i, kv, "="); print prefix kv[1], kv[2] } }' | sort -k1,1 -k2,2n | awk '
  function flush() { if (n) printf "=== %-32s min %8d / median %8d / max %8d  (%d runs)\n", name, v[1], v[int((n + 1) / 2)], v[n], n }
  $1 != name { flush(); name = $1; n = 0 } { v[++n] = $2 } END { flush() }'
