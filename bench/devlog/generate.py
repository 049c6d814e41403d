#!/usr/bin/env python3
"""Generate a large Claude Code + Codex CLI history for the devlog benchmark (synthetic, deterministic).

Usage: generate.py OUT_HOME [TOTAL_MB]   (default 1100 MB, ~60% Claude, ~40% Codex)

Lines are the shared fixtures' sessions repeated with fresh ids, so every line has the real shape
(split assistant messages, tool calls/results, cumulative token counts). Do not commit the output.
"""
import os
import sys

FIX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/fixtures/agent-logs/home")
CLAUDE = [".claude/projects/-home-alice-src-shop/85544010-6f7b-41b9-ba81-e9ffa5a680a4.jsonl",
          ".claude/projects/-home-alice-src-shop/ff6fad89-1577-4e4c-8a31-ed4f639e5825.jsonl"]
CODEX = ".codex/sessions/2025/10/28/rollout-2025-10-28T14-05-11-019a2b23-17ba-70f0-b9d2-0064a1b6c345.jsonl"
FILE_MB = 32


def lines(rel):
    with open(os.path.join(FIX, rel), "rb") as f:
        return [l for l in f.read().split(b"\n") if l]


def claude_file(path, session, target):
    templates = [lines(r) for r in CLAUDE]
    old_ids = [b"85544010-6f7b-41b9-ba81-e9ffa5a680a4", b"ff6fad89-1577-4e4c-8a31-ed4f639e5825"]
    written, rep = 0, 0
    with open(path, "wb") as f:
        while written < target:
            t = rep % 2
            tag = b"r%d" % rep
            for l in templates[t]:
                l = l.replace(old_ids[t], session)
                l = l.replace(b'"uuid":"', b'"uuid":"' + tag + b"-").replace(b'"parentUuid":"', b'"parentUuid":"' + tag + b"-")
                l = l.replace(b'"id":"msg_', b'"id":"msg_' + tag).replace(b"toolu_", b"toolu_" + tag)
                f.write(l + b"\n")
                written += len(l) + 1
            rep += 1
    return written


def codex_file(path, session, target):
    template = lines(CODEX)
    old = b"019a2b23-17ba-70f0-b9d2-0064a1b6c345"
    written, rep = 0, 0
    with open(path, "wb") as f:
        for i, l in enumerate(template):
            if i == 0:
                l = l.replace(old, session)
                f.write(l + b"\n")
                written += len(l) + 1
        while written < target:
            tag = b"r%d" % rep
            for l in template[1:]:
                l = l.replace(b'"call_id":"call_', b'"call_id":"call_' + tag)
                f.write(l + b"\n")
                written += len(l) + 1
            rep += 1
    return written


def main():
    out = sys.argv[1]
    total = int(sys.argv[2] if len(sys.argv) > 2 else 1100) * 1_000_000
    claude_dir = os.path.join(out, ".claude/projects/-home-alice-src-bench")
    codex_dir = os.path.join(out, ".codex/sessions/2026/01/01")
    os.makedirs(claude_dir, exist_ok=True)
    os.makedirs(codex_dir, exist_ok=True)
    per_file = FILE_MB * 1_000_000
    written, n = 0, 0
    while written < total * 0.6:
        session = b"%08x-0000-4000-8000-%012x" % (n, n)
        written += claude_file(os.path.join(claude_dir, session.decode() + ".jsonl"), session, per_file)
        n += 1
    while written < total:
        session = b"019b0000-%04x-7000-8000-%012x" % (n, n)
        name = "rollout-2026-01-01T00-00-00-%s.jsonl" % session.decode()
        written += codex_file(os.path.join(codex_dir, name), session, per_file)
        n += 1
    print("wrote %.1f MB in %d files under %s" % (written / 1e6, n, out))


if __name__ == "__main__":
    main()
