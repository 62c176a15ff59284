#!/usr/bin/env bash
# Benchmark 5: ./parkwatch demo from start to ready, to the first alert on the console, and its peak
# memory (resident set, from /usr/bin/time or /proc), over three runs with a fresh data directory.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
OUT=bench/out/startup
mkdir -p "$OUT"
export PARKWATCH_LANG=en   # the lines this script reads are the English ones
for run in 1 2 3; do
  rm -rf data
  java -cp "cli/target/parkwatch.jar:cli/target/lib/*" \
    io.parkwatch.cli.ParkWatchCli demo > "$OUT/demo-$run.log" 2>&1 &
  pid=$!
  peak=0
  for _ in $(seq 120); do
    rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
    peak=$(( rss > peak ? rss : peak ))
    grep -q "first alert on the console" "$OUT/demo-$run.log" && break
    sleep 1
  done
  for _ in $(seq 30); do   # the leak runs its course: keep measuring the peak for half a minute more
    rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0); peak=$(( rss > peak ? rss : peak )); sleep 1
  done
  ready=$(grep -o "ready in [0-9]* ms" "$OUT/demo-$run.log" | head -1)
  first=$(grep -o "first alert on the console [0-9.]* s" "$OUT/demo-$run.log" | head -1)
  echo "run $run: $ready, $first after start, peak RSS $((peak / 1024)) MB"
  kill "$pid"; wait "$pid" || true
done
