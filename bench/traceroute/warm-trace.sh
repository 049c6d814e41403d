#!/usr/bin/env bash
# warm-trace.sh PROTO PORT DST: one traceroute through a warm `edge-probe serve` in the current network
# namespace (started on first use, reused afterwards), printed as the hop table. Measures the engine
# without JVM start-up: run it inside the lab's source namespace (anchors.sh does).
set -euo pipefail
proto=$1 port=$2 dst=$3
repo=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
addr=127.0.0.1:3765
if ! curl -sf "http://$addr/health" >/dev/null 2>&1; then
    setsid "$repo/edge-probe/bin/edge-probe" serve --addr "$addr" </dev/null >/dev/null 2>&1 &
    for _ in $(seq 1 200); do curl -sf "http://$addr/health" >/dev/null 2>&1 && break; sleep 0.05; done
    # one throw-away trace so classes are loaded before anything is timed
    curl -s "http://$addr/traceroute?target=$dst&protocol=$proto&port=$port&traceroute-queries=1&e2e-queries=0&timeout=1000&parallel=true&format=table" >/dev/null
fi
curl -s "http://$addr/traceroute?target=$dst&protocol=$proto&port=$port&traceroute-queries=1&e2e-queries=0&timeout=1000&parallel=true&format=table"
