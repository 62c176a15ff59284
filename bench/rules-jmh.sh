#!/usr/bin/env bash
# Benchmark 4: JMH microbenchmarks of the alert-rules evaluators on one thread (ops/s = evaluations/s).
# Extra JMH options can follow, e.g.  bench/rules-jmh.sh -f 3 -wi 5
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl bench/jmh -am
mvn -q -B -pl bench/jmh dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath > /dev/null
# (the classpath file is written relative to the module)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.classpath)" -Dparkwatch.config=config \
  org.openjdk.jmh.Main io.parkwatch.bench.RuleBenchmarks "$@"
