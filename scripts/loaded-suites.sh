#!/usr/bin/env bash
# Runs the edge-probe and API test suites RUNS times while `stress-ng --cpu 4` loads the machine (issue 20: timing
# must hold on a loaded 2-core box). One line per run: Surefire's counts, wall time and the load average it met.
# Usage: scripts/loaded-suites.sh [RUNS]   (default 5; needs stress-ng, root for the namespace tests)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/test-report.sh
runs=${1:-5}
command -v stress-ng >/dev/null || { echo "loaded-suites: stress-ng is not installed (apt-get install stress-ng)" >&2; exit 2; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
log_dir=$(mktemp -d /tmp/edgeledger-loaded.XXXXXX)
./mvnw -B -q -pl edge-probe,functions/api -am -DskipTests package >"$log_dir/build.log" 2>&1
failed_runs=0
for run in $(seq 1 "$runs"); do
    stress-ng --cpu 4 --timeout 0 --quiet &
    stress_pid=$!
    marker=$(mktemp /tmp/edgeledger-loaded-marker.XXXXXX)
    start=$(date +%s)
    rc=0
    ./mvnw -B -pl edge-probe,functions/api -am verify >"$log_dir/run-$run.log" 2>&1 || rc=$?
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    kill "$stress_pid"; wait "$stress_pid" 2>/dev/null || true
    counts=$(el_test_report "$marker" 2>/dev/null || true)
    rm -f "$marker"
    [ "$rc" -eq 0 ] || failed_runs=$((failed_runs + 1))
    echo "run $run/$runs: maven exit $rc, $counts, $(( $(date +%s) - start )) s, load average at the end $load (log $log_dir/run-$run.log)"
done
[ "$failed_runs" -eq 0 ] || { echo "loaded-suites: $failed_runs of $runs runs failed" >&2; exit 1; }
