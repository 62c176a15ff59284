#!/usr/bin/env bash
# Issue 14 section 2: InfluxDB unreachable for OUTAGE seconds (default 300) while RATE readings/s (default
# 10000) flow through the whole standalone; InfluxOutageIT checks that every acknowledged reading and every
# alert is in the store afterwards, and prints the alert latency before and during the outage, the most the
# recorder held and the heap's peak. RUNS runs (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1}
mvn -B -q -DskipTests install
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1)"
for run in $(seq "$RUNS"); do
  mvn -B verify -pl cli -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dit.test=InfluxOutageIT -Dfailsafe.rerunFailingTestsCount=0 -Dfuzz.skip -Doutage.seconds="${OUTAGE:-300}" \
    -Doutage.rate="${RATE:-10000}" | grep -E "^InfluxDB outage|Tests run:|FAIL"
done
