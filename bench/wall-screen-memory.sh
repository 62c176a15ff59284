#!/usr/bin/env bash
# Benchmark: the wall screen (大屏) left running in headless Chromium while alarms come and go, for 2 hours by
# default (minutes as the first argument): heap after a forced GC and DOM size every 15 s, min / median / max and
# the growth from the first third to the last. Needs Debian's chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-120}"
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1), $(chromium --version 2>/dev/null)"
mvn -q -B install -DskipTests -pl cli -am
mvn -B verify -pl cli -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WallScreenMemoryIT \
  -Dwall.minutes="$MINUTES" 2>&1 | grep -E "wall screen|Tests run:|FAIL"
