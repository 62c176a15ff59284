#!/usr/bin/env bash
# Issue 20 target 5: the time from an alarming reading's timestamp to the notifier's webhook receiving its RAISED (or REPEATED)
# event, at RATE readings/s (default 10000) on the load park (one point crosses its alarm limit every second).
# The standalone (embedded Kafka, gateway, Flink job, console with its notifier) posts every event to a JSON
# webhook; `parkwatch load --webhook-port` is that webhook, a real local HTTP receiver, and times each RAISED or REPEATED
# event of a load point from its reading to its arrival. Beside it, the alert latency to parkwatch.alert-events.
# RUNS runs (default 3) of DURATION seconds (default 60), the first 10 s of each left out (JIT warm-up).
# Prints each run's line, then min / median / max over the runs of both p99s.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-10000}
POINTS=${POINTS:-1000}
RUNS=${RUNS:-3}
SECONDS_PER_RUN=${DURATION:-60}
OUT=bench/out/reading-to-person
mvn -q -B install -DskipTests
CLI=(java -cp "cli/target/parkwatch.jar:cli/target/lib/*" io.parkwatch.cli.ParkWatchCli)
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1)"
rm -f bench/out/reading-to-person.txt
for run in $(seq "$RUNS"); do
  rm -rf "$OUT" && mkdir -p "$OUT"
  "${CLI[@]}" load --write-park "$OUT/park" --points "$POINTS" --connections 4 > /dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  sed "s|^  webhooks: \[\].*|  webhooks: [ { name: bench, url: \"http://127.0.0.1:$port/hook\", format: json } ]|" \
    config/parkwatch.yaml > "$OUT/parkwatch.yaml"
  grep -q "127.0.0.1:$port/hook" "$OUT/parkwatch.yaml" || { echo "could not set notifier.webhooks"; exit 1; }
  ( . "$OUT/park/env.sh"; export PARKWATCH_GATEWAY_HJ212_PORT=-1
    exec java @cli/target/jvm.options -cp "cli/target/parkwatch.jar:cli/target/lib/*" io.parkwatch.cli.ParkWatchCli \
      run --config "$OUT/parkwatch.yaml" ) > "$OUT/parkwatch.log" 2>&1 &
  pid=$!
  for _ in $(seq 90); do grep -q "ParkWatch ready" "$OUT/parkwatch.log" && break; sleep 1; done
  echo "--- run $run of $RUNS: $RATE readings/s, $POINTS points, 4 connections, QoS 1, batches of 100, ${SECONDS_PER_RUN} s"
  "${CLI[@]}" load --points "$POINTS" --rate "$RATE" --connections 4 --batch 100 --duration "${SECONDS_PER_RUN}s" \
    --warmup 10s --webhook-port "$port" 2>/dev/null | grep -E "^(t=|load:|reading -> webhook)" \
    | tee -a bench/out/reading-to-person.txt
  kill "$pid"; wait "$pid" || true
done
summary() { # $1: the line's start, $2: what it is
  grep "^$1" bench/out/reading-to-person.txt | grep -o "p99 [0-9-]* ms" | awk '{print $2}' | sort -n | awk -v w="$2" \
    '{a[NR]=$1} END {print "=== " w " p99 over " NR " runs: min " a[1] " / median " a[int((NR+1)/2)] " / max " a[NR] " ms"}'
}
summary "reading -> webhook" "reading -> webhook (RAISED or REPEATED)"
summary "load:" "reading -> alert event on Kafka"
