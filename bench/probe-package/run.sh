#!/usr/bin/env bash
# run.sh [RUNS] [DEB]: the installed edge-probe package beside Linux traceroute on a clean 5-hop netlab chain.
# Measures (median of RUNS, default 10): installed CLI traceroute wall time and Linux traceroute's in the same
# run, 'edge-probe --version' wall time, the .deb's size, and the idle daemon's RSS after 60 s.
# Needs root. Installs the .deb if edge-probe is not installed, and purges it again at the end in that case.
# The numbers for bench/README.md must be taken on a quiet machine (uptime is printed with them).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${EDGELEDGER_SHARED:-$(cd "$repo/../shared" 2>/dev/null && pwd || echo /work/shared)}
runs=${1:-10}
deb=${2:-$(ls "$repo"/edge-probe/target/edge-probe_*.deb 2>/dev/null | head -n1)}
[ "$(id -u)" -eq 0 ] || { echo "bench/probe-package: needs root (dpkg, network namespaces)" >&2; exit 1; }
[ -f "$deb" ] || { echo "bench/probe-package: no .deb; ./edgeledger build first" >&2; exit 1; }
command -v traceroute >/dev/null || apt-get install -y -q traceroute >/dev/null
prefix=bpp$$
work=$(mktemp -d /tmp/bench-probe-package.XXXXXX)
installed_here=0 daemon=
cleanup() {
    set +e
    [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
    NETLAB_PREFIX=$prefix "$shared/netlab/netns-chain.sh" down >/dev/null 2>&1
    [ "$installed_here" = 1 ] && dpkg --purge edge-probe >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
if ! dpkg -s edge-probe >/dev/null 2>&1; then
    # apt resolves Depends (libpcap) the way a customer's install does; dpkg -i alone would stop there
    apt-get install -y -q "$(realpath "$deb")" >/dev/null
    installed_here=1
fi
NETLAB_PREFIX=$prefix "$shared/netlab/netns-chain.sh" up --hops 5 --ipv4-only >/dev/null
nojdk=$work/bin
mkdir -p "$nojdk" && ln -s "$(command -v readlink)" "$nojdk/readlink"

wall() { # COMMAND... -> seconds of wall time (the command's output discarded; it must succeed)
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "bench/probe-package: failed: $*" >&2; exit 1; }
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f\n", m}'; }
in_src() { ip netns exec "$prefix-src" env -i PATH="$nojdk:/usr/bin:/bin:/usr/sbin" "$@"; }

: >"$work/linux" ; : >"$work/probe" ; : >"$work/version"
for i in $(seq 1 "$runs"); do
    # back to back, same load: Linux traceroute (UDP, 1 query, 1 s wait, no DNS) and the installed CLI alike
    wall in_src traceroute -n -q 1 -w 1 198.18.5.2 >>"$work/linux"
    wall in_src /usr/bin/edge-probe traceroute -P udp -q 1 -Q 0 --timeout 1000 198.18.5.2 >>"$work/probe"
    wall env -i PATH="$nojdk" /usr/bin/edge-probe --version >>"$work/version"
done

# idle daemon: no backend, the default checks, 60 s after start
conf=$work/conf
mkdir -p "$conf/conf.d/system.d"
# the backend is a closed loopback port: batches are signed and spooled, as when the API is away
printf 'secret\n' > "$conf/secret"
printf 'backend_url: http://127.0.0.1:9\nprobe_id: p-bench\nsecret_file: secret\nspool_dir: %s\ndogstatsd:\n  port: 0\nhealth:\n  port: 0\njobs:\n  enabled: false\n' \
    "$work/spool" > "$conf/edge-probe.yaml"
cp /etc/edge-probe/conf.d/system.d/conf.yaml "$conf/conf.d/system.d/"
env -i PATH="$nojdk" /usr/bin/edge-probe run --config "$conf" >"$work/daemon.log" 2>&1 &
daemon=$!
sleep 60
kill -0 "$daemon" 2>/dev/null || { cat "$work/daemon.log" >&2; echo "bench/probe-package: the daemon stopped" >&2; exit 1; }
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$daemon/status")   # the launcher execs java: same pid

size=$(stat -c %s "$deb")
printf '\n## edge-probe package (%s), %d runs, %s\n' "$(basename "$deb")" "$runs" "$(date -u +%FT%TZ)"
echo "uptime: $(uptime)"
echo
echo "| what | median | goal |"
echo "|---|---|---|"
echo "| Linux traceroute, clean 5-hop chain (same run) | $(median <"$work/linux") s | anchor |"
echo "| installed edge-probe traceroute, clean 5-hop chain | $(median <"$work/probe") s | ≤ 0.15 s |"
echo "| edge-probe --version | $(median <"$work/version") s | ≤ 0.1 s |"
echo "| package size | $(echo "$size / 1048576" | bc -l | xargs printf '%.1f') MB | ≤ 60 MB |"
echo "| idle daemon RSS after 60 s | $(echo "$rss_kb / 1024" | bc -l | xargs printf '%.1f') MB | ≤ 96 MB |"
