#!/usr/bin/env bash
# Issue 14 section 3: the standalone at RATE readings/s (default 10000) on the load park (POINTS points,
# default 1000) with the demo rule set plus the load rule (one point crosses its alarm limit every second),
# for MINUTES minutes (default 60). Once a minute: heap after the last GC, RSS, threads, open files, the rules
# job's consumer lag and the alert latency p99 of that minute. Prints the table, then the growth per hour of
# each measure after the first 10 minutes (least-squares slope). A shorter run: MINUTES=15 bench/soak.sh
# DEMO_RULES=no runs the load rule alone. The lag is what the rules job has not committed: it commits at its
# checkpoints (10 s), so up to one interval's readings (100,000 at 10,000/s) is keeping up.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-10000}
POINTS=${POINTS:-1000}
MINUTES=${MINUTES:-60}
OUT=bench/out/soak
mvn -q -B install -DskipTests
CLI=(java -cp "cli/target/parkwatch.jar:cli/target/lib/*" io.parkwatch.cli.ParkWatchCli)
rm -rf "$OUT" && mkdir -p "$OUT"
"${CLI[@]}" load --write-park "$OUT/park" --points "$POINTS" --connections 4 > /dev/null
# the demo rule set too: its rules that select points by kind or for all points (gas threshold, rate, trend,
# zone vote, offline, quality...) apply to the load points; those naming the demo's points or tanks cannot
python3 bench/lib/with-demo-rules.py "$OUT/park/rules.yaml" config/rules.yaml "$OUT/park/rules-demo.yaml"
if [ "${DEMO_RULES:-yes}" = no ]; then
  RULES="$OUT/park/rules.yaml"
elif ( . "$OUT/park/env.sh"; "${CLI[@]}" rules validate "$OUT/park/rules-demo.yaml" ) > "$OUT/validate.txt" 2>&1; then
  RULES="$OUT/park/rules-demo.yaml"
else
  echo "the demo rule set does not apply to the load park (see $OUT/validate.txt): the load rule alone"
  RULES="$OUT/park/rules.yaml"
fi
( . "$OUT/park/env.sh"; export PARKWATCH_GATEWAY_HJ212_PORT=-1 PARKWATCH_FILES_RULES="$RULES"
  exec java -Xms512m -Xmx2g -Xlog:gc:file="$OUT/gc.log":uptime @cli/target/jvm.options \
    -cp "cli/target/parkwatch.jar:cli/target/lib/*" io.parkwatch.cli.ParkWatchCli run ) > "$OUT/parkwatch.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 90); do grep -q "ParkWatch ready" "$OUT/parkwatch.log" && break; sleep 1; done
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1)"
echo "soak: $RATE readings/s, $POINTS points, rules $(basename "$RULES"), $MINUTES minutes"
"${CLI[@]}" load --points "$POINTS" --rate "$RATE" --connections 4 --batch 100 --duration "${MINUTES}m" \
  --report-every 60s --warmup 10s > "$OUT/load.txt" 2>&1 &
load=$!
printf "%6s %10s %8s %8s %8s %10s %10s %8s\n" minute heap-MB rss-MB threads files lag p99-ms live-MB | tee "$OUT/table.txt"
for minute in $(seq "$MINUTES"); do
  sleep 60 # samples are best effort: a missing one prints "-", never ends the run
  heap=$(grep -o -- '->[0-9]*M' "$OUT/gc.log" | tail -1 | tr -dc 0-9 || true)
  # every LIVE_EVERY minutes (default 10) a full GC: what is really live (after a young GC the old generation
  # still holds garbage that only a concurrent cycle or a full GC frees, so that figure climbs without a leak)
  live=-
  if [ $(( minute % ${LIVE_EVERY:-10} )) -eq 0 ]; then
    jcmd "$pid" GC.run > /dev/null 2>&1 || true
    sleep 1
    live=$(grep "Pause Full" "$OUT/gc.log" | tail -1 | grep -o -- '->[0-9]*M' | tr -dc 0-9 || true)
  fi
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  threads=$(awk '/Threads/ {print $2}' "/proc/$pid/status")
  files=$(ls "/proc/$pid/fd" | wc -l)
  lag=$("${CLI[@]}" report lag --group parkwatch-rules 2>/dev/null | awk '{print $2}' || true)
  p99=$(grep "^t=" "$OUT/load.txt" | tail -1 | grep -o "p99 *[0-9-]* ms" | awk '{print $2}' || true)
  printf "%6d %10s %8s %8s %8s %10s %10s %8s\n" "$minute" "${heap:--}" "$rss" "$threads" "$files" "${lag:--}" "${p99:--}" \
    "${live:--}" \
    | tee -a "$OUT/table.txt"
done
wait "$load" || true
grep "^load:" "$OUT/load.txt" || true
# growth per hour after the first 10 minutes: the least-squares slope of each column, times 60
awk 'NR > 1 && $1 > 10 { for (c = 2; c <= 8; c++) if ($c != "-" && $c != "") { x = $1; n[c]++; sx[c] += x; sxx[c] += x * x; sy[c] += $c; sxy[c] += x * $c } }
  END { split("minute heap-MB rss-MB threads files lag p99-ms live-MB", h, " ");
        for (c = 2; c <= 8; c++) if (n[c] >= 2) printf "growth per hour after minute 10: %-8s %+10.1f\n", h[c],
          60 * (n[c] * sxy[c] - sx[c] * sy[c]) / (n[c] * sxx[c] - sx[c] * sx[c]) }' \
  "$OUT/table.txt" | tee -a "$OUT/table.txt"
