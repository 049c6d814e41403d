#!/usr/bin/env bash
# Every ./edgeledger subcommand as the first command on a fresh clone (run by ./edgeledger test; alone:
# scripts/test-fresh-clone.sh [SUBCOMMAND...]). Each subcommand gets its own clone of HEAD with ../shared beside it,
# so the launcher has to build what it needs from nothing. Maven sees ~/.m2 without io/edgeledger (a read-only tail
# of symlinks), so snapshots someone installed cannot hide a partial build that only works with them.
# The whole-reactor commands (build, test, up, infra) are tried through their argument handling only; set
# EDGELEDGER_FRESH_CLONE_FULL=1 to also run a real './edgeledger build' (several more minutes).
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
shared=$(cd "$repo/../shared" 2>/dev/null && pwd || true)
work=$(mktemp -d /tmp/edgeledger-fresh-clone.XXXXXX)
redis_pid=
cleanup() {
    [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

m2=${HOME}/.m2/repository
mkdir -p "$work/m2-tail/io" "$work/m2"
for d in "$m2"/*; do [ "$(basename "$d")" = io ] || ln -s "$d" "$work/m2-tail/"; done
for d in "$m2"/io/*; do [ "$(basename "$d")" = edgeledger ] || ln -s "$d" "$work/m2-tail/io/"; done
# Maven 3.9 appends MAVEN_ARGS to every invocation, the launchers' included.
export MAVEN_ARGS="-Dmaven.repo.local=$work/m2 -Dmaven.repo.local.tail=$work/m2-tail"
# 'test' must not start its own smoke run or this test again
export EDGELEDGER_SKIP_SMOKE=1 EDGELEDGER_SKIP_FRESH_CLONE=1 EDGELEDGER_SKIP_PACKAGE_TEST=1

# Redis for the commands that talk to it.
redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 100); do redis-cli -p "$redis_port" PING >/dev/null 2>&1 && break; sleep 0.1; done

# SUBCOMMAND ARGS... | what the output must contain
checks=(
    "help|Usage: ./edgeledger COMMAND"
    "ledger --help|Usage:"
    "near emulator --help|near-emulator"
    "cdc help|cdc"
    "api create-key --name fresh-clone --redis redis://127.0.0.1:$redis_port|elk_"
    "probe --help|Usage:"
    "up --help|Settings (environment)"
    "infra --version|"
    "test --version|Apache Maven"
    "build --version|Apache Maven"
)
[ -n "${EDGELEDGER_FRESH_CLONE_FULL:-}" ] && checks+=("build|")
only=" $* "

failed=0 n=0
for check in "${checks[@]}"; do
    args=${check%%|*} want=${check#*|}
    name=${args%% *}
    [ $# -gt 0 ] && [[ "$only" != *" $name "* ]] && continue
    dir="$work/clones/$name-$((++n))" # no ':' or '/' from the arguments: the path ends up in Java class paths
    mkdir -p "$dir"
    git clone -q "$repo" "$dir/edgeledger"
    [ -n "$shared" ] && ln -s "$shared" "$dir/shared"
    start=$SECONDS
    # shellcheck disable=SC2086
    if (cd "$dir/edgeledger" && ./edgeledger $args) >"$dir/out.log" 2>&1 </dev/null && grep -qF -- "$want" "$dir/out.log"; then
        echo "fresh clone: ./edgeledger $args: ok ($((SECONDS - start)) s)"
    else
        echo "fresh clone: ./edgeledger $args: FAILED ($((SECONDS - start)) s); last lines:" >&2
        tail -n 25 "$dir/out.log" >&2
        failed=1
    fi
done
exit $failed
