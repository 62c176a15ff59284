#!/usr/bin/env bash
# Sizing: readings per second per Flink task slot. A Kafka broker and a Flink standalone cluster as
# processes; a backlog of the demo park's normal operation (READINGS, default 2,000,000) read by the
# rules job at parallelism 1 and 2. Prints the rates (deploy/README.md, "Sizing").
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl deploy/flink-cluster -am
mvn -B verify -pl deploy/flink-cluster -Dit.test=ClusterThroughputIT -Dbenchmarks.excluded= \
  -Dparkwatch.bench.readings="${READINGS:-2000000}" -Dfailsafe.failIfNoSpecifiedTests=false \
  | grep -E "readings/s|parallelism|backlog|Tests run|FAIL" 
