#!/usr/bin/env bash
# Cold start of each function under the Lambda runtime loop (samples/local-stack's emulator: the function's zip
# unpacked, its own process started as Lambda starts it, the template's handler and environment), beside the local
# modes, in one run: process start -> first answered event.
#   bench/lambda/run.sh [--runs N] [--baseline DIR]     (default 3; prints uptime: the numbers need a quiet machine)
# API, interleaved run by run so machine noise hits both alike: the managed java21 runtime on demand (function.zip,
# -c functionRuntime=jvm) and the custom runtime (function-aot.zip, -c functionRuntime=jvm-aot: its own jlinked JDK
# and the AOT cache trained at build time). Then per function: snapstart-priming (the runtime runs SnapStart's hooks
# before the first event; restore_to_answer_ms is what is left for the first event).
# Local modes: `api serve` (AppCDS + C1, process start -> first 200 from /health) and `cdc batch|mint --once`.
# --baseline DIR: a checkout of another commit, already built (./mvnw -pl functions/api -am package -DskipTests):
# its API zip on demand and its `api serve` join the interleaved API lines (build=baseline), for before/after figures.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$repo"
. scripts/lib/jdk.sh
el_select_jdk

runs=3 baseline=
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=${2:?--runs needs a number}; shift 2 ;;
        --baseline) baseline=$(cd "${2:?--baseline needs a directory}" && pwd); shift 2 ;;
        *) echo "bench/lambda: unknown argument $1 (usage: run.sh [--runs N] [--baseline DIR])" >&2; exit 2 ;;
    esac
done
[ -z "$baseline" ] || [ -f "$baseline/functions/api/target/function.zip" ] \
    || { echo "bench/lambda: $baseline/functions/api/target/function.zip is not built" >&2; exit 2; }
work=$(mktemp -d /tmp/edgeledger-bench-lambda.XXXXXX)
pids=()
cleanup() { [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }
now_ms() { date +%s%3N; }

command -v redis-server >/dev/null || { echo "bench/lambda: needs redis-server (./edgeledger up installs it, or apt-get install redis-server)" >&2; exit 1; }
[ "$(el_java_major "$JAVA_HOME/bin/java")" -ge 25 ] || { echo "bench/lambda: needs a JDK 25 (the custom runtime's AOT cache); JAVA_HOME=$JAVA_HOME" >&2; exit 1; }
echo "== bench/lambda $(date -u +%FT%TZ) runs=$runs commit=$(git rev-parse --short HEAD)${baseline:+ baseline=$(git -C "$baseline" rev-parse --short HEAD)}"
uptime

echo "== building what is not built (function zips, the API's custom-runtime zip, local-stack) and synthesizing the app"
flock /tmp/edgeledger-build.lock ./mvnw -q -B -pl functions/api,functions/cdc,samples/local-stack,samples/near-emulator,infra -am package \
    -DskipTests -Dlambda-aot >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; exit 1; }
synth() { # STAGE OUT [KEY=VALUE...]
    local stage=$1 out=$2; shift 2
    CDK_OUTDIR="$out" infra/bin/synth "stage=$stage" "$@" >"$work/synth-$stage.log" 2>&1 || { tail -n 30 "$work/synth-$stage.log"; exit 1; }
}
synth bench "$work/cdk.out"
synth benchaot "$work/cdk.out-aot" functionRuntime=jvm-aot
[ -z "$baseline" ] || synth benchbase "$work/cdk.out-base" "apiZip=$baseline/functions/api/target/function.zip"

redis_port=$(free_port); s3_port=$(free_port); near_port=$(free_port); api_port=$(free_port); sm_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --dir "$work" >"$work/redis.log" 2>&1 & pids+=($!)
EDGELEDGER_S3_PORT=$s3_port EDGELEDGER_S3_DIR="$work/s3" "$JAVA_HOME/bin/java" \
    -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" io.edgeledger.local.LocalS3Server >"$work/s3.log" 2>&1 & pids+=($!)
contract=notary.edgeledger.testnet account=edgeledger.testnet   # the template's testnet defaults
samples/near-emulator/bin/near-emulator --port "$near_port" --state "$work/near/state.json" --credentials-dir "$work/near" \
    --contract "$contract" --signer "$account" >"$work/near.log" 2>&1 & pids+=($!)
wait_port "$redis_port"; wait_port "$s3_port"; wait_port "$near_port"
# The templates' secrets in a local Secrets Manager: the minter's signer key, the API's pepper (per stage).
mkdir -p "$work/secrets"; printf '{"operator_key_pepper":"%s"}\n' "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" >"$work/secrets/api.json"
EDGELEDGER_SM_PORT=$sm_port AWS_ACCESS_KEY_ID=edgeledger AWS_SECRET_ACCESS_KEY=edgeledger-local-secret "$JAVA_HOME/bin/java" \
    -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" io.edgeledger.local.secrets.LocalSecretsManager \
    "edgeledger-bench/api=$work/secrets/api.json" "edgeledger-benchaot/api=$work/secrets/api.json" \
    "edgeledger-benchbase/api=$work/secrets/api.json" "edgeledger-bench/near-signer=$work/near/$account.json" >"$work/sm.log" 2>&1 & pids+=($!)
wait_port "$sm_port"

local_values=(--set "EDGELEDGER_REDIS_URL=redis://127.0.0.1:$redis_port" --set EDGELEDGER_S3_BUCKET=edgeledger-ledger
    --set EDGELEDGER_ARCHIVE_BUCKET=edgeledger-archive --set "AWS_ENDPOINT_URL_S3=http://127.0.0.1:$s3_port"
    --set "AWS_ENDPOINT_URL_SECRETS_MANAGER=http://127.0.0.1:$sm_port" --set "EDGELEDGER_NEAR_RPC=http://127.0.0.1:$near_port"
    --set AWS_ACCESS_KEY_ID=edgeledger --set AWS_SECRET_ACCESS_KEY=edgeledger-local-secret)
cold() { # CDK_OUT FUNCTION EVENT RUNS [--snapstart]
    # shellcheck disable=SC2086
    "$JAVA_HOME/bin/java" -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" \
        io.edgeledger.local.lambda.ColdStartBench --cdk-out "$1" --runtime-lib samples/local-stack/target/lambda-runtime \
        --sandbox "$work/sandbox" --function "$2" --event "$3" --runs "$4" ${5:-} "${local_values[@]}"
}
# `api serve` of a checkout (its own launcher and JDK selection), process start -> first 200 from /health
serve() { # CHECKOUT LABEL RUN
    local t0 pid
    t0=$(now_ms)
    (cd "$1" && exec functions/api/bin/api serve --port "$api_port") >"$work/api-serve-$2.log" 2>&1 & pid=$!
    until curl -sf "http://127.0.0.1:$api_port/health" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { tail -n 20 "$work/api-serve-$2.log"; exit 1; }
        sleep 0.01
    done
    local answered=$(( $(now_ms) - t0 ))
    # the process's CPU time then (utime + stime, in 100 Hz ticks): a loaded machine inflates it less than the wall time
    echo "function=api mode=local-http build=$2 run=$3 first_answer_ms=$answered cpu_ms=$(awk '{print ($14 + $15) * 10}' "/proc/$pid/stat")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
export EDGELEDGER_REDIS_URL="redis://127.0.0.1:$redis_port" EDGELEDGER_S3_ENDPOINT="http://127.0.0.1:$s3_port"
export EDGELEDGER_S3_ACCESS_KEY=edgeledger EDGELEDGER_S3_SECRET_KEY=edgeledger-local-secret
export EDGELEDGER_NEAR_RPC="http://127.0.0.1:$near_port" EDGELEDGER_NEAR_CONTRACT=$contract EDGELEDGER_NEAR_ACCOUNT=$account
export EDGELEDGER_NEAR_KEY_FILE="$work/near/$account.json" EDGELEDGER_HOME="$work/home"

echo "== api, interleaved: managed java21 on demand, custom runtime with the AOT cache${baseline:+, the baseline zip}, api serve"
# one unmeasured start of each, so AppCDS archives of api serve exist and the page cache holds the zips alike
cold "$work/cdk.out" edgeledger-bench-api http 1 >/dev/null; cold "$work/cdk.out-aot" edgeledger-benchaot-api http 1 >/dev/null
serve "$repo" warmup 0 >/dev/null; [ -z "$baseline" ] || serve "$baseline" warmup 0 >/dev/null
for run in $(seq 1 "$runs"); do
    cold "$work/cdk.out" edgeledger-bench-api http 1 | sed "s/ run=1 / run=$run /"
    cold "$work/cdk.out-aot" edgeledger-benchaot-api http 1 | sed "s/ run=1 / run=$run /"
    [ -z "$baseline" ] || cold "$work/cdk.out-base" edgeledger-benchbase-api http 1 | sed "s/ run=1 / run=$run build=baseline /"
    serve "$repo" this "$run"
    [ -z "$baseline" ] || serve "$baseline" baseline "$run"
done

echo "== SnapStart priming under the runtime loop (restore -> first answer)"
cold "$work/cdk.out" edgeledger-bench-api http "$runs" --snapstart
for fn in cdc-batcher near-minter; do
    for mode in "" --snapstart; do
        cold "$work/cdk.out" "edgeledger-bench-$fn" scheduled "$runs" $mode
    done
done

echo "== local CDC modes (process start -> exit)"
for cmd in batch mint; do
    for run in $(seq 1 "$runs"); do
        t0=$(now_ms)
        functions/cdc/bin/cdc "$cmd" --once >"$work/cdc-$cmd.log" 2>&1 || { tail -n 20 "$work/cdc-$cmd.log"; exit 1; }
        echo "function=cdc-$cmd mode=local-once run=$run process_ms=$(( $(now_ms) - t0 ))"
    done
done
uptime
echo "(logs: $work)"
