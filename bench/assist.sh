#!/bin/sh
# Micro-benchmarks of assist: frustration scoring and the tone check, by message size (JMH).
# Usage: bench/assist.sh [extra JMH options, e.g. -f 1 -wi 2 -i 3]
# Results go to docs/benchmarks.md by hand; nothing here asserts a time.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
. ./.mvn/select-jdk.sh
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main 'dev.casekeeper.assist.detect.AssistBenchmark' -rf text -rff target/assist-benchmark.txt "$@"
