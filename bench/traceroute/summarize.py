#!/usr/bin/env python3
"""summarize.py ANCHORS_TSV LOG_DIR: per topology/family/protocol, the best anchor beside edge-probe's
CLI wall time, its engine time (from --verbose logs) and the warm server time, with the goals."""
import collections
import glob
import re
import statistics
import sys

tsv, logs = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(tsv)][1:]
cells = collections.defaultdict(dict)
for topo, fam, tool, proto, profile, med, mn, mx, hops, reached, path, cmd in rows:
    cells[(topo, fam, proto)][tool] = (med, hops, reached, path)


def engine_ms(topo, fam, proto):
    vals = []
    for f in glob.glob(f"{logs}/{topo}-v{fam[-1]}-candidate1-{proto}-given-run*.txt"):
        m = re.search(r"engine ([0-9.]+) ms", open(f).read())
        if m:
            vals.append(float(m.group(1)))
    return statistics.median(vals) / 1000 if vals else None


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


print("| topology | family | proto | best anchor (s) | edge-probe CLI wall (s) | engine, in CLI (s) | engine, warm serve (s) | goal | path |")
print("|---|---|---|---|---|---|---|---|---|")
for (topo, fam, proto), tools in sorted(cells.items()):
    anchors = {t: v for t, v in tools.items() if not t.startswith("candidate") and v[2] == ("no" if topo == "firewall" else "yes") and v[3] == "ok"}
    best = min(anchors.items(), key=lambda kv: num(kv[1][0]) or 1e9) if anchors else None
    c1 = tools.get("candidate1")
    c2 = tools.get("candidate2")
    eng = engine_ms(topo, fam, proto)
    bval = num(best[1][0]) if best else None
    goal = {"clean": "<= 1.5x best", "silent": "<= 2x best", "firewall": "<= 1.1 s (timeout 1 s + 10%)"}[topo]
    print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        topo, fam, proto,
        f"{best[1][0]} ({best[0]})" if best else "-",
        c1[0] if c1 else "-",
        f"{eng:.3f}" if eng is not None else "-",
        c2[0] if c2 else "-",
        goal,
        "/".join(x[3] for x in (c1, c2) if x)))
