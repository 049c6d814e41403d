#!/usr/bin/env bash
# The seal computation per event in thread CPU time beside raw SHA-256 of the same entry bytes, interleaved per
# round (bench/seal/README.md): steadier than JMH's wall time on a shared machine. Usage: bench/seal/leaf-cpu.sh [ROUNDS]
# CORE_CP (default functions/core/target's jar and lib) selects the build, so two builds can be compared.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/scripts/lib/jdk.sh"
el_select_jdk
work=${WORK:-${TMPDIR:-/tmp}/edgeledger-seal-bench}
events="$work/events-n20000-s42.jsonl"
[ -f "$events" ] || { mkdir -p "$work"; python3 "$repo/../shared/bench/cdc-throughput/gen_events.py" -n 20000 --seed 42 --format jsonl -o "$events" >/dev/null; }
cp=${CORE_CP:-$repo/functions/core/target/edgeledger-core.jar:$repo/functions/core/target/lib/*}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$JAVA_HOME/bin/javac" -cp "$cp" -d "$out" "$here/src/cpu/LeafCpu.java"
"$JAVA_HOME/bin/java" -Xmx512m -cp "$out:$cp" LeafCpu "$events" "${1:-15}"
