#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer's own driver) of everything that comes from outside: each target for RUNS inputs
# (default 1,000,000), starting from the inputs kept under src/test/resources/**/<Target>Inputs and the corpus of
# earlier runs (bench/out/fuzz-corpus, not committed). A finding stops the run and is written next to the kept
# inputs as crash-<sha1>: fix it, keep the file (docs/fuzzing.md). Prints per target: runs, seconds, runs per
# second, coverage. ONLY=<Target> runs one target.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-1000000}"
mvn -B -q -DskipTests install -pl alert-rules,ingest,console,cli -am
mkdir -p bench/out/fuzz-corpus
for target in alert-rules:io.parkwatch.rules.fuzz.ConfigFilesFuzzTest:anyFileOfAnyKind \
              ingest:io.parkwatch.ingest.fuzz.Hj212FuzzTest:framesPacketsAndDecoding \
              ingest:io.parkwatch.ingest.fuzz.MqttIntakeFuzzTest:anyTopicAnyPayload \
              cli:io.parkwatch.cli.fuzz.GatewayAndConsoleFilesFuzzTest:anyFileOfAnyKind \
              console:io.parkwatch.console.http.ConsoleApiFuzzTest:anyRequestOfALoggedInUser; do
  IFS=: read -r module class method <<< "$target"
  name="${class##*.}"
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$name" ]; then continue; fi
  mvn -B -q -o test-compile -pl "$module"
  mvn -B -q -o dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/bench/out/fuzz-$name.cp" > /dev/null
  cp="$module/target/test-classes:$module/target/classes:$(cat "bench/out/fuzz-$name.cp")"
  inputs="$module/src/test/resources/$(dirname "${class//.//}")/${name}Inputs/$method"
  corpus="bench/out/fuzz-corpus/$name"
  mkdir -p "$corpus"
  log="bench/out/fuzz-$name.log"
  (cd "$module" && java -Xmx2g -cp "${cp//$module\//}" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
      --instrumentation_includes='io.parkwatch.**' -runs="$RUNS" -max_total_time=3600 -artifact_prefix="${inputs#$module/}/" \
      "../$corpus" "${inputs#$module/}") > "$log" 2>&1 || {
    echo "$name: FINDING, see $log"; grep -E "== Java Exception|Caused by|crash-" "$log" | head -5; exit 1; }
  done_line=$(grep -E "^Done [0-9]+ runs" "$log" | tail -1)
  cov=$(grep -E "DONE +cov:" "$log" | tail -1 | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+) corp: ([0-9]+).*/coverage \1, features \2, corpus \3/')
  runs=$(echo "$done_line" | sed -E 's/Done ([0-9]+) runs in ([0-9]+) second.*/\1/')
  secs=$(echo "$done_line" | sed -E 's/Done ([0-9]+) runs in ([0-9]+) second.*/\2/')
  echo "$name: $runs runs in $secs s ($(( runs / (secs > 0 ? secs : 1) ))/s), $cov, no finding"
done
