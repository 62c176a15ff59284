#!/usr/bin/env bash
# Issue 20 target 7: an alarm flood. POINTS points (default 10000) of the load park cross their alarm limit within
# FLOOD_SECONDS (default 60) and stay over it: one alarm each, all open at the end. The standalone (embedded Kafka, gateway,
# Flink job, console with its notifier posting every event to a local JSON webhook) and the board in headless
# Chromium; reports, per run, the lag from each alarm's reading to its alert event on Kafka, to a live-feed client,
# to the webhook and to the board's counter, the time from an acknowledgement to the board showing it (measured in
# the page, during the flood and with every alarm open) and the page's longest task. RUNS runs (default 3), then
# min / median / max over the runs of the p99s. Needs Debian's chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
POINTS=${POINTS:-10000}
FLOOD_SECONDS=${FLOOD_SECONDS:-60} # not SECONDS: bash counts the seconds since it started in that one
RUNS=${RUNS:-3}
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1), $(chromium --version 2>/dev/null)"
mvn -q -B install -DskipTests -pl cli -am
rm -f bench/out/flood.txt && mkdir -p bench/out
for run in $(seq "$RUNS"); do
  echo "--- run $run of $RUNS: $POINTS alarms within $FLOOD_SECONDS s"
  mvn -B verify -pl cli -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FloodIT -Dfuzz.skip \
    -Dfailsafe.rerunFailingTestsCount=0 -Dflood.points="$POINTS" -Dflood.seconds="$FLOOD_SECONDS" 2>&1 \
    | grep -E "^flood:|Tests run:|FAIL" | tee -a bench/out/flood.txt
done
summary() { # $1: the figure's name in the line
  grep "^flood:" bench/out/flood.txt | grep -o "$1 [0-9]* alarms, lag p50 [0-9]* / p99 [0-9]*" | awk '{print $NF}' \
    | sort -n | awk -v w="$1" '{a[NR]=$1} END {print "=== " w " lag p99 over " NR " runs: min " a[1] " / median " a[int((NR+1)/2)] " / max " a[NR] " ms"}'
}
summary "Kafka"
summary "feed"
summary "webhook"
summary "counter"
