#!/usr/bin/env bash
# Benchmark 2: the whole standalone (embedded Kafka, gateway, Flink job, console) on a generated park,
# loaded at increasing rates; at each rate the sustained readings/s and the alert latency (a reading's
# timestamp to its alert on parkwatch.alert-events) p50 / p99 / max after a 10 s warm-up.
# Usage: bench/end-to-end.sh [rates...]   (default: 10000 25000 50000 60000)
set -euo pipefail
cd "$(dirname "$0")/.."
RATES=("${@:-10000 25000 50000 60000}")
OUT=bench/out/e2e
POINTS=${POINTS:-1000}
CONNECTIONS=${CONNECTIONS:-4}
mvn -q -B install -DskipTests
CLI=(java -cp "deploy/standalone/target/parkwatch-standalone.jar:deploy/standalone/target/lib/*" io.parkwatch.standalone.ParkWatchCli)
echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(java -version 2>&1 | head -1)"
for rate in ${RATES[@]}; do
  rm -rf "$OUT" && mkdir -p "$OUT"
  "${CLI[@]}" load --write-park "$OUT/park" --points "$POINTS" --connections "$CONNECTIONS" > /dev/null
  ( . "$OUT/park/env.sh"; export PARKWATCH_GATEWAY_HJ212_PORT=-1; exec "${CLI[@]}" run ) > "$OUT/parkwatch.log" 2>&1 &
  pid=$!
  for _ in $(seq 60); do grep -q "ParkWatch ready" "$OUT/parkwatch.log" && break; sleep 1; done
  echo "--- $rate readings/s, $POINTS points, $CONNECTIONS connections, QoS 1, batches of 100"
  "${CLI[@]}" load --points "$POINTS" --rate "$rate" --connections "$CONNECTIONS" --batch 100 --duration 40s \
    --warmup 10s 2>/dev/null | grep -E "^(t=|load:)"
  kill "$pid"; wait "$pid" || true
done
