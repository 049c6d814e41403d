#!/usr/bin/env bash
# mda-vs-scamper.sh [RUNS] [FAMILY]: multipath discovery on a 4-way ECMP hop, edge-probe --multipath beside
# scamper's tracelb, same lab, alternating, RUNS times each (default 3), FAMILY 4, 6 or both (default 4).
# Reports per run: probes sent, branches found at the balanced hop (of 4), wall time; then the medians and
# edge-probe's probe count as a multiple of scamper's (issue 17 goal: all 4 found in <= 2x tracelb's probes).
# Needs root. The lab is edge-probe/src/test/resources/traceroute/ecmp-lab.sh under NETLAB_PREFIX
# (default mdabench), built before and removed after. Both tools: UDP, destination port varied per flow
# (scamper -P udp-dport; edge-probe UDP varies the destination port), 95 % confidence.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../.." && pwd)
runs=${1:-3}
family=${2:-4}
export NETLAB_PREFIX=${NETLAB_PREFIX:-mdabench}
lab="$repo/edge-probe/src/test/resources/traceroute/ecmp-lab.sh"
probe="$repo/edge-probe/bin/edge-probe"
out=${OUT:-$here/results}
mkdir -p "$out"
tsv="$out/mda-vs-scamper.tsv"

cleanup() { "$lab" down; }
trap cleanup EXIT
"$lab" up
"$probe" --version >/dev/null # builds the jar on a fresh checkout, outside the timings

case "$family" in
    4) dsts=(198.18.30.2) ;;
    6) dsts=(2001:db8:0:30::2) ;;
    both) dsts=(198.18.30.2 2001:db8:0:30::2) ;;
    *) echo "FAMILY must be 4, 6 or both" >&2; exit 2 ;;
esac

now() { date +%s.%N; }
printf 'tool\tdst\trun\tprobes\tbranches\twall_s\n' > "$tsv"
for dst in "${dsts[@]}"; do
    if [[ "$dst" == *:* ]]; then prefix="2001:db8:0:1"; else prefix="198.18.1"; fi
    for i in $(seq 1 "$runs"); do
        t0=$(now)
        json=$(ip netns exec "$NETLAB_PREFIX-src" "$probe" traceroute --multipath --format json -P udp -q 1 -Q 0 \
            --timeout 1000 "$dst")
        t1=$(now)
        read -r probes branches < <(python3 -c '
import json, sys
m = json.loads(sys.stdin.read())["multipath"]
hop = next((h for h in m["hops"] if h["ttl"] == 2), {"interfaces": []})
print(m["probes_sent"], sum(1 for a in hop["interfaces"] if a.startswith(sys.argv[1])))' "$prefix" <<<"$json")
        printf 'edge-probe\t%s\t%s\t%s\t%s\t%.3f\n' "$dst" "$i" "$probes" "$branches" "$(echo "$t1 - $t0" | bc)" >> "$tsv"

        t0=$(now)
        sc=$(cd /tmp && ip netns exec "$NETLAB_PREFIX-src" scamper -O json -I "tracelb -P udp-dport -c 95 $dst")
        t1=$(now)
        read -r probes branches < <(python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    if o.get("type") != "tracelb":
        continue
    found = set()
    for n in o.get("nodes", []):
        for group in n.get("links", []):
            for l in group:
                if l["addr"].startswith(sys.argv[1]):
                    found.add(l["addr"])
    print(o["probec"], len(found))' "$prefix" <<<"$sc")
        printf 'scamper-tracelb\t%s\t%s\t%s\t%s\t%.3f\n' "$dst" "$i" "$probes" "$branches" "$(echo "$t1 - $t0" | bc)" >> "$tsv"
    done
done

column -t -s $'\t' "$tsv"
python3 - "$tsv" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for dst in sorted({r["dst"] for r in rows}):
    med = {}
    for tool in ("edge-probe", "scamper-tracelb"):
        rs = [r for r in rows if r["tool"] == tool and r["dst"] == dst]
        med[tool] = statistics.median(int(r["probes"]) for r in rs)
        allfound = sum(1 for r in rs if r["branches"] == "4")
        print(f"{dst} {tool}: median {med[tool]} probes, all 4 branches in {allfound}/{len(rs)} runs, "
              f"median wall {statistics.median(float(r['wall_s']) for r in rs):.3f} s")
    print(f"{dst} edge-probe / scamper probes: {med['edge-probe'] / med['scamper-tracelb']:.2f}x (goal <= 2x)")
EOF
