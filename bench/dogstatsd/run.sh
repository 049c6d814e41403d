#!/usr/bin/env bash
# Builds edge-probe into target-bench (side by side with others) and runs the DogStatsD benchmark.
# usage: bench/dogstatsd/run.sh [seconds-per-step] [rates...]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -Del.buildDir=target-bench -pl edge-probe -am package -DskipTests >&2
cp="edge-probe/target-bench/edge-probe.jar:edge-probe/target-bench/lib/*"
exec "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$cp" bench/dogstatsd/DogStatsdBench.java "$@"
