#!/usr/bin/env bash
# Benchmark 1 and 13: the gateway's QoS 1 ingest (PUBACK after Kafka acks=all, embedded KRaft) against Mosquitto's,
# both counted at the PUBACK the publisher receives (Mosquitto's subscriber-side figure beside it), same Paho clients.
# The Paho clients read through a buffer (see BufferedReadSockets); PAHO_READS=plain for Paho's own socket.
# Needs Debian's mosquitto (apt-get install -y mosquitto).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
mvn -B -q -pl ingest test -Dgroups=benchmark -Dbenchmarks.excluded= -Dtest=IngestVsMosquittoBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.paho.reads="${PAHO_READS:-buffered}" 2>&1 | grep -E "^(gateway|mosquitto|machine|QoS|  )"
