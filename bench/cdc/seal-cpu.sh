#!/usr/bin/env bash
# CPU cost and latency of sealing 1000-event batches (leaf-v2 leaves, RFC 6962 tree, indices, manifest)
# without Redis or S3, on the cdc-throughput harness's events. Usage: bench/cdc/seal-cpu.sh [N] [ROUNDS]
# bench/cdc/seal-cpu.sh N --digest prints one SHA-256 over all sealed output (fixed clock): compare two builds.
# Needs the events file the harness writes (run it once with -n N); WORK as the harness's --work.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/scripts/lib/jdk.sh"
el_select_jdk
n=${1:-100000}
rounds=${2:-5}
work=${WORK:-${TMPDIR:-/tmp}/etrap-python-bench}
data="$work/data/events-n$n-s42-debezium.resp"
[ -f "$data" ] || { echo "seal-cpu: $data not found: run ../shared/bench/cdc-throughput/run.sh -n $n --work $work once" >&2; exit 2; }
build=${EDGELEDGER_CDC_BUILD_DIR:-$repo/functions/cdc/target}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$JAVA_HOME/bin/javac" -cp "$build/lib/*" -d "$out" "$here/src/SealCpu.java"
exec "$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xmx1g -cp "$out:$build/lib/*" SealCpu "$data" "$rounds"
