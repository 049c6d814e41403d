#!/usr/bin/env bash
# Crash test: kill -9 the batcher after each of SEC... seconds (../shared/bench/cdc-throughput/run.sh
# --kill-after), then compare what Redis says is acked with the events in complete batches in S3
# (sum of manifest entry_count; a manifest is written last, after every object, before any XACK).
# The harness counts events in S3 only for the original agent's layout, hence this script.
# Usage: bench/cdc/kill-check.sh [-n N] SEC...    (WORK, REDIS_PORT, S3_PORT as for the harness)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
harness="$repo/../shared/bench/cdc-throughput/run.sh"
n=100000
if [ "${1:-}" = "-n" ]; then n=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: kill-check.sh [-n N] SEC..." >&2; exit 2; }
work=${WORK:-${TMPDIR:-/tmp}/etrap-python-bench}
for sec in "$@"; do
    line=$(cd "$repo" && "$harness" --candidate 'exec bench/cdc/candidate.sh' -n "$n" --kill-after "$sec" --work "$work" \
        --redis-port "${REDIS_PORT:-16379}" --s3-port "${S3_PORT:-18081}" 2>/dev/null | grep '"label"' | tail -1)
    python3 - "$line" "$work/s3data" "$sec" <<'PY'
import json, os, sys
res, root, sec = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
in_s3 = batches = partial = 0
for d, _, files in os.walk(root):
    if "manifest.json" in files:
        m = json.load(open(os.path.join(d, "manifest.json")))
        missing = [o for o in m["objects"] if not os.path.exists(os.path.join(d, o))]
        if not missing:
            in_s3 += m["entry_count"]; batches += 1
    elif "batch-data.json" in files:
        partial += 1
acked = res["acked"]
print(json.dumps({"kill_after_s": float(sec), "status": res["status"], "delivered": res["delivered"], "acked": acked,
                  "pending_after": res["pending_after"], "events_in_complete_s3_batches": in_s3, "complete_batches": batches,
                  "batches_without_manifest": partial, "acked_not_in_s3": max(0, acked - in_s3)}))
PY
done
