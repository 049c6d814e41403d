#!/usr/bin/env bash
# ecmp-lab.sh - a 4-way per-flow ECMP hop in network namespaces, for Paris / MDA tests and the bench.
#
#   NETLAB_PREFIX=p ecmp-lab.sh up      build (rebuilds when present)
#   NETLAB_PREFIX=p ecmp-lab.sh down    remove the namespaces
#   NETLAB_PREFIX=p ecmp-lab.sh counters  packets r1 forwarded to dst per branch ("b1 N b2 N b3 N b4 N")
#
#                 +-- b1 --+
#   src -- r1 ----+-- b2 --+---- r2 -- dst        TTL 1 r1, TTL 2 one of b1..b4, TTL 3 r2, TTL 4 dst
#                 +-- b3 --+
#                 +-- b4 --+
#
# r2 answers from 198.18.21.2 / 2001:db8:0:21::2 whatever branch brought the probe (route src; IPv6 would
# otherwise pick a source per flow). r1 holds a Linux multipath route to dst (IPv4 and IPv6) with fib_multipath_hash_policy=1, so it hashes
# each flow's addresses, protocol and ports (ICMP echo has no ports: every echo takes one branch).
# Addresses (answers as a traceroute prints them):
#   src 198.18.0.1  2001:db8::1            r1  198.18.0.2  2001:db8::2
#   bK  198.18.1K.2 2001:db8:0:1K::2       r2  198.18.21.2 2001:db8:0:21::2 (replies leave via b1)
#   dst 198.18.30.2 2001:db8:0:30::2
# Safety as ../shared/netlab: only 198.18.0.0/15 and 2001:db8::/32, only in these namespaces, no
# link to the host, no default route. ICMP rate limits off on routers and dst.
set -eu -o pipefail

PREFIX="${NETLAB_PREFIX:?set NETLAB_PREFIX}"
[[ "$PREFIX" =~ ^[A-Za-z0-9_]{1,16}$ ]] || { echo "ecmp-lab: bad NETLAB_PREFIX" >&2; exit 2; }
NODES=(src r1 b1 b2 b3 b4 r2 dst)

ns() { echo "$PREFIX-$1"; }
sc() { local n=$1; shift; for kv in "$@"; do ip netns exec "$(ns "$n")" sysctl -qw "$kv" >/dev/null; done; }

# link A IF_A ADDR_A B IF_B ADDR_B V4NET V6NET: a veth pair, /24 and /64
link() {
    ip link add name "$2" netns "$(ns "$1")" type veth peer name "$5" netns "$(ns "$4")"
    ip -n "$(ns "$1")" link set "$2" up
    ip -n "$(ns "$4")" link set "$5" up
    ip -n "$(ns "$1")" addr add "$7.$3/24" dev "$2"
    ip -n "$(ns "$4")" addr add "$7.$6/24" dev "$5"
    ip -n "$(ns "$1")" addr add "$8::$3/64" dev "$2" nodad
    ip -n "$(ns "$4")" addr add "$8::$6/64" dev "$5" nodad
}

down() {
    for n in "${NODES[@]}"; do
        if ip netns list | awk '{print $1}' | grep -qx "$(ns "$n")"; then
            for pid in $(ip netns pids "$(ns "$n")" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
            ip netns del "$(ns "$n")"
        fi
    done
}

up() {
    down
    trap 'echo "ecmp-lab: up failed, cleaning up" >&2; down' ERR
    for n in "${NODES[@]}"; do
        ip netns add "$(ns "$n")"
        ip -n "$(ns "$n")" link set lo up
        sc "$n" net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 \
            net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0
        if [ "$n" != src ]; then
            sc "$n" net.ipv4.icmp_ratelimit=0 net.ipv4.icmp_msgs_per_sec=1000000 net.ipv4.icmp_msgs_burst=1000000 \
                net.ipv6.icmp.ratelimit=0
        fi
        if [ "$n" != src ] && [ "$n" != dst ]; then
            sc "$n" net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
        fi
    done
    sc r1 net.ipv4.fib_multipath_hash_policy=1 net.ipv6.fib_multipath_hash_policy=1

    link src l0 1 r1 l0 2 198.18.0 2001:db8:0:0
    for k in 1 2 3 4; do
        link r1 "b$k" 1 "b$k" west 2 "198.18.1$k" "2001:db8:0:1$k"
        link "b$k" east 1 r2 "b$k" 2 "198.18.2$k" "2001:db8:0:2$k"
    done
    link r2 l30 1 dst l30 2 198.18.30 2001:db8:0:30

    ip -n "$(ns src)" route add 198.18.0.0/15 via 198.18.0.2 dev l0
    ip -n "$(ns src)" -6 route add 2001:db8::/32 via 2001:db8::2 dev l0
    ip -n "$(ns dst)" route add 198.18.0.0/15 via 198.18.30.1 dev l30
    ip -n "$(ns dst)" -6 route add 2001:db8::/32 via 2001:db8:0:30::1 dev l30
    ip -n "$(ns r1)" route add 198.18.30.0/24 \
        nexthop via 198.18.11.2 dev b1 nexthop via 198.18.12.2 dev b2 \
        nexthop via 198.18.13.2 dev b3 nexthop via 198.18.14.2 dev b4
    ip -n "$(ns r1)" -6 route add 2001:db8:0:30::/64 \
        nexthop via 2001:db8:0:11::2 dev b1 nexthop via 2001:db8:0:12::2 dev b2 \
        nexthop via 2001:db8:0:13::2 dev b3 nexthop via 2001:db8:0:14::2 dev b4
    for k in 1 2 3 4; do
        ip -n "$(ns "b$k")" route add 198.18.30.0/24 via "198.18.2$k.2" dev east
        ip -n "$(ns "b$k")" route add 198.18.0.0/24 via "198.18.1$k.1" dev west
        ip -n "$(ns "b$k")" -6 route add 2001:db8:0:30::/64 via "2001:db8:0:2$k::2" dev east
        ip -n "$(ns "b$k")" -6 route add 2001:db8::/64 via "2001:db8:0:1$k::1" dev west
    done
    ip -n "$(ns r2)" route add 198.18.0.0/24 via 198.18.21.1 dev b1 src 198.18.21.2
    ip -n "$(ns r2)" -6 route add 2001:db8::/64 via 2001:db8:0:21::1 dev b1 src 2001:db8:0:21::2
    # per-branch counters of what r1 forwards to dst: tests see which branches a trace's probes took
    {
        echo "table inet ecmp_lab {"
        for k in 1 2 3 4; do echo "  counter branch$k { }"; done
        echo "  chain count_forward { type filter hook forward priority 0; policy accept;"
        for k in 1 2 3 4; do
            echo "    oifname \"b$k\" ip daddr 198.18.30.2 counter name \"branch$k\""
            echo "    oifname \"b$k\" ip6 daddr 2001:db8:0:30::2 counter name \"branch$k\""
        done
        echo "  }"
        echo "}"
    } | ip netns exec "$(ns r1)" nft -f -
    trap - ERR
}

# packets r1 forwarded to dst through each branch: "b1 N b2 N b3 N b4 N"
counters() {
    for k in 1 2 3 4; do
        printf 'b%s %s ' "$k" "$(ip netns exec "$(ns r1)" nft list counter inet ecmp_lab "branch$k" | awk '/packets/ {print $2}')"
    done
    echo
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    counters) counters ;;
    *) echo "usage: NETLAB_PREFIX=p ecmp-lab.sh up|down|counters" >&2; exit 2 ;;
esac
