#!/usr/bin/env bash
# JMH: the seal computation per event beside raw SHA-256 of the same bytes (bench/seal/README.md).
# Usage: bench/seal/run.sh [JMH args...]   e.g. bench/seal/run.sh -f 1 -wi 2 -i 3
# Builds functions/core into its target/ (never installs into ~/.m2), fetches JMH 1.37 with Maven, writes
# 20,000 generator events (../shared/bench/cdc-throughput/gen_events.py, seed 42) once.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/scripts/lib/jdk.sh"
el_select_jdk
work=${WORK:-${TMPDIR:-/tmp}/edgeledger-seal-bench}
mkdir -p "$work/classes"
events="$work/events-n20000-s42.jsonl"
[ -f "$events" ] || python3 "$repo/../shared/bench/cdc-throughput/gen_events.py" -n 20000 --seed 42 --format jsonl -o "$events" >/dev/null
(cd "$repo" && ./mvnw -q -B -pl functions/core -am package -DskipTests)
for a in jmh-core jmh-generator-annprocess; do
  (cd "$repo" && ./mvnw -q -B dependency:get -Dartifact=org.openjdk.jmh:$a:1.37 -Dtransitive=true >/dev/null)
done
m2=${MAVEN_REPO:-$HOME/.m2/repository}
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
core="$repo/functions/core/target/edgeledger-core.jar:$repo/functions/core/target/lib/*"
"$JAVA_HOME/bin/javac" -proc:full -cp "$core:$jmh" -processorpath "$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:$jmh" \
    -d "$work/classes" "$here/src/io/edgeledger/bench/seal/SealBenchmark.java"
exec "$JAVA_HOME/bin/java" -Dseal.events="$events" -cp "$work/classes:$core:$jmh" org.openjdk.jmh.Main SealBenchmark "$@" -jvmArgsAppend "-Dseal.events=$events"
