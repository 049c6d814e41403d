#!/usr/bin/env bash
# run.sh [RUNS] [FAMILY]: the traceroute anchors table with edge-probe beside Linux traceroute, scamper,
# mtr and tcptraceroute (../shared/netlab/anchors.sh, tuned profiles), then a markdown summary.
# Needs root. candidate1 = the CLI (wall time includes JVM start; its own engine time is logged by
# --verbose), candidate2 = the same engine warm behind `edge-probe serve` (bench/traceroute/warm-trace.sh).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${EDGELEDGER_SHARED:-$(cd "$repo/../shared" 2>/dev/null && pwd || echo /work/shared)}
runs=${1:-3}
family=${2:-both}
out=${OUT:-$here/results}
mkdir -p "$out"
rm -rf "$out/logs"
"$shared/netlab/anchors.sh" --profiles tuned --runs "$runs" --family "$family" \
    --logs "$out/logs" --tsv "$out/anchors.tsv" \
    --candidate "$repo/edge-probe/bin/edge-probe traceroute --format table -P {proto} -p {port} -q 1 -Q 0 --timeout 1000 --parallel --verbose {dst}" \
    --candidate "$repo/bench/traceroute/warm-trace.sh {proto} {port} {dst}" | tee "$out/anchors.txt"
python3 "$here/summarize.py" "$out/anchors.tsv" "$out/logs" | tee "$out/summary.md"
