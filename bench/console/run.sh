#!/usr/bin/env bash
# bench/console: the web console's first render with 1,000 batches and 100 probes, measured in headless Chromium.
# Usage: bench/console/run.sh [-Dconsole.bench.runs=7] [-Dconsole.bench.batches=1000] [-Dconsole.bench.probes=100]
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$repo"
. scripts/lib/jdk.sh
el_select_jdk
uptime
./mvnw -B -q -pl functions/api -am test -Dtest=ConsoleFirstRenderBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dconsole.bench=true -DtrimStackTrace=false "$@" 2>&1 | grep --line-buffered 'console-bench:' || true
uptime
