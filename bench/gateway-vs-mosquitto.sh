#!/usr/bin/env bash
# Benchmark 1: the gateway's QoS 1 ingest (PUBACK after Kafka acks=all, embedded KRaft) against
# Mosquitto's QoS 1 publish-to-subscriber throughput, same Paho publisher, same 100-byte payloads.
# Needs Debian's mosquitto (apt-get install -y mosquitto).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
mvn -B -q -pl ingest test -Dgroups=benchmark -Dbenchmarks.excluded= -Dtest=IngestVsMosquittoBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "^(gateway|mosquitto|machine|QoS|  )"
