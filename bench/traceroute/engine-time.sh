#!/usr/bin/env bash
# engine-time.sh [RUNS]: edge-probe's engine time without JVM start-up, beside Linux traceroute (tuned),
# measured back to back under the same machine load. The engine runs warm behind `edge-probe serve` in
# the lab's source namespace; its time is curl's time_total for GET /traceroute (the trace plus ~1 ms
# of local HTTP). Linux traceroute is timed as wall time of one run. Needs root; own lab prefix "trb".
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${EDGELEDGER_SHARED:-/work/shared}
chain="$shared/netlab/netns-chain.sh"
runs=${1:-7}
export NETLAB_PREFIX=trb
ns=trb-src
addr=127.0.0.1:3765
trap '"$chain" down >/dev/null 2>&1 || true' EXIT
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
printf '| topology | family | proto | Linux traceroute -q1 -w1,3,10 -N32 (s) | edge-probe engine, warm (s) | ratio |\n|---|---|---|---|---|---|\n'
for topo in clean silent firewall; do
    case $topo in
        clean) opts="--hops 5 --tcp-listen 80" ;;
        silent) opts="--hops 5 --silent-hop 3 --tcp-listen 80" ;;
        firewall) opts="--hops 5 --dst-firewall --tcp-listen 80" ;;
    esac
    # shellcheck disable=SC2086
    "$chain" up $opts >/dev/null 2>&1
    ip netns exec $ns setsid "$repo/edge-probe/bin/edge-probe" serve --addr $addr </dev/null >/dev/null 2>&1 &
    for _ in $(seq 1 400); do ip netns exec $ns curl -sf "http://$addr/health" >/dev/null 2>&1 && break; sleep 0.05; done
    for fam in 4 6; do
        dst=$([ $fam = 4 ] && echo 198.18.5.2 || echo 2001:db8:0:5::2)
        for proto in udp icmp tcp; do
            flag=""; [ $proto = icmp ] && flag=-I; [ $proto = tcp ] && flag="-T -p 80"
            q="target=$dst&protocol=$proto&port=80&traceroute-queries=1&e2e-queries=0&timeout=1000&parallel=true"
            ip netns exec $ns curl -s -o /dev/null "http://$addr/traceroute?$q"   # warm-up
            t_eng=(); t_lin=()
            for _ in $(seq 1 "$runs"); do
                t_eng+=("$(ip netns exec $ns curl -s -o /dev/null -w '%{time_total}' "http://$addr/traceroute?$q")")
                t_lin+=("$(ip netns exec $ns bash -c "s=\$(date +%s.%N); traceroute -n -q 1 -w 1,3,10 -N 32 $flag $dst >/dev/null 2>&1; e=\$(date +%s.%N); echo \"\$e - \$s\" | bc -l")")
            done
            e=$(printf '%s\n' "${t_eng[@]}" | median); l=$(printf '%s\n' "${t_lin[@]}" | median)
            printf '| %s | IPv%s | %s | %.4f | %.4f | %.2f |\n' "$topo" "$fam" "$proto" "$l" "$e" "$(echo "$e / $l" | bc -l)"
        done
    done
    "$chain" down >/dev/null 2>&1
done
