#!/usr/bin/env bash
# Devlog benchmarks: parse throughput over >= 1 GB of generated Claude Code + Codex history, and
# append -> event latency over 10,000 appends. Usage: bench/devlog/run.sh [TOTAL_MB] [SCRATCH_DIR]
# nice -n -10 shields the measurement from other builds on a shared machine (needs root; drop it otherwise).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
total=${1:-1100}
scratch=${2:-/tmp/devlog-bench}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java

if [ ! -f "$repo/edge-probe/target/edge-probe.jar" ]; then
    (cd "$repo" && flock /tmp/edgeledger-build.lock ./mvnw -q -B -pl edge-probe -am package -DskipTests)
fi
cp="$repo/edge-probe/target/edge-probe.jar:$repo/edge-probe/target/lib/*"

if [ ! -d "$scratch/history/.claude" ]; then
    python3 "$here/generate.py" "$scratch/history" "$total"
fi
echo "== parse throughput (one thread; taskset -c 0 pins it to one core)"
nice -n -10 taskset -c 0 "$java" -Xmx1g -cp "$cp" "$here/DevlogBench.java" throughput "$scratch/history" 3
echo "== append -> event latency"
rm -rf "$scratch/latency"
nice -n -10 "$java" -cp "$cp" "$here/DevlogBench.java" latency "$scratch/latency" 10000
