#!/usr/bin/env bash
# Cold start of each function under the Lambda runtime loop (samples/local-stack's emulator: the function.zip
# unpacked, its own JVM under AWS's runtime interface client, the template's handler and environment), beside the
# local modes, in one run: process start -> first answered event.
#   bench/lambda/run.sh [--runs N]      (default 3; prints uptime: the numbers need a quiet machine)
# Per function: on-demand (a plain cold start) and snapstart-priming (the runtime runs SnapStart's hooks, i.e.
# Quarkus' class preloading, before the first event; restore_to_answer_ms is what is left for the first event).
# Local modes: `api serve` (AppCDS + C1, process start -> first 200 from /health) and `cdc batch|mint --once`.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$repo"
. scripts/lib/jdk.sh
el_select_jdk

runs=3
[ "${1:-}" = --runs ] && runs=${2:?--runs needs a number}
work=$(mktemp -d /tmp/edgeledger-bench-lambda.XXXXXX)
pids=()
cleanup() { [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 600); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }
now_ms() { date +%s%3N; }

command -v redis-server >/dev/null || { echo "bench/lambda: needs redis-server (./edgeledger up installs it, or apt-get install redis-server)" >&2; exit 1; }
echo "== bench/lambda $(date -u +%FT%TZ) runs=$runs"
uptime

echo "== building what is not built (function zips, local-stack) and synthesizing the app"
flock /tmp/edgeledger-build.lock ./mvnw -q -B -pl functions/api,functions/cdc,samples/local-stack,samples/near-emulator,infra -am package -DskipTests >"$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log"; exit 1; }
CDK_OUTDIR="$work/cdk.out" infra/bin/synth stage=bench >"$work/synth.log" 2>&1 \
    || { tail -n 30 "$work/synth.log"; exit 1; }

redis_port=$(free_port); s3_port=$(free_port); near_port=$(free_port); api_port=$(free_port); sm_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --dir "$work" >"$work/redis.log" 2>&1 & pids+=($!)
EDGELEDGER_S3_PORT=$s3_port EDGELEDGER_S3_DIR="$work/s3" "$JAVA_HOME/bin/java" \
    -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" io.edgeledger.local.LocalS3Server >"$work/s3.log" 2>&1 & pids+=($!)
contract=notary.edgeledger.testnet account=edgeledger.testnet   # the template's testnet defaults
samples/near-emulator/bin/near-emulator --port "$near_port" --state "$work/near/state.json" --credentials-dir "$work/near" \
    --contract "$contract" --signer "$account" >"$work/near.log" 2>&1 & pids+=($!)
wait_port "$redis_port"; wait_port "$s3_port"; wait_port "$near_port"
# The template's secrets (stage bench) in a local Secrets Manager: the minter's signer key, the API's pepper.
mkdir -p "$work/secrets"; printf '{"operator_key_pepper":"%s"}\n' "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" >"$work/secrets/api.json"
EDGELEDGER_SM_PORT=$sm_port AWS_ACCESS_KEY_ID=edgeledger AWS_SECRET_ACCESS_KEY=edgeledger-local-secret "$JAVA_HOME/bin/java" \
    -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" io.edgeledger.local.secrets.LocalSecretsManager \
    "edgeledger-bench/api=$work/secrets/api.json" "edgeledger-bench/near-signer=$work/near/$account.json" >"$work/sm.log" 2>&1 & pids+=($!)
wait_port "$sm_port"

local_values=(--set "EDGELEDGER_REDIS_URL=redis://127.0.0.1:$redis_port" --set EDGELEDGER_S3_BUCKET=edgeledger-ledger
    --set EDGELEDGER_ARCHIVE_BUCKET=edgeledger-archive --set "AWS_ENDPOINT_URL_S3=http://127.0.0.1:$s3_port"
    --set "AWS_ENDPOINT_URL_SECRETS_MANAGER=http://127.0.0.1:$sm_port" --set "EDGELEDGER_NEAR_RPC=http://127.0.0.1:$near_port"
    --set AWS_ACCESS_KEY_ID=edgeledger --set AWS_SECRET_ACCESS_KEY=edgeledger-local-secret)

echo "== runtime loop (process start -> first answered event)"
for fn in api:http cdc-batcher:scheduled near-minter:scheduled; do
    for mode in "" --snapstart; do
        # shellcheck disable=SC2086
        "$JAVA_HOME/bin/java" -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" \
            io.edgeledger.local.lambda.ColdStartBench --cdk-out "$work/cdk.out" --runtime-lib samples/local-stack/target/lambda-runtime \
            --sandbox "$work/sandbox" --function "edgeledger-bench-${fn%%:*}" --event "${fn##*:}" --runs "$runs" $mode "${local_values[@]}"
    done
done

echo "== local modes (process start -> first answer)"
export EDGELEDGER_REDIS_URL="redis://127.0.0.1:$redis_port" EDGELEDGER_S3_ENDPOINT="http://127.0.0.1:$s3_port"
export EDGELEDGER_S3_ACCESS_KEY=edgeledger EDGELEDGER_S3_SECRET_KEY=edgeledger-local-secret
export EDGELEDGER_NEAR_RPC="http://127.0.0.1:$near_port" EDGELEDGER_NEAR_CONTRACT=$contract EDGELEDGER_NEAR_ACCOUNT=$account
export EDGELEDGER_NEAR_KEY_FILE="$work/near/$account.json" EDGELEDGER_HOME="$work/home"
for run in $(seq 1 "$runs"); do
    t0=$(now_ms)
    functions/api/bin/api serve --port "$api_port" >"$work/api-serve.log" 2>&1 & serve=$!
    until curl -sf "http://127.0.0.1:$api_port/health" >/dev/null 2>&1; do
        kill -0 "$serve" 2>/dev/null || { tail -n 20 "$work/api-serve.log"; exit 1; }
        sleep 0.01
    done
    echo "function=api mode=local-http run=$run first_answer_ms=$(( $(now_ms) - t0 ))"
    kill "$serve"; wait "$serve" 2>/dev/null || true
done
for cmd in batch mint; do
    for run in $(seq 1 "$runs"); do
        t0=$(now_ms)
        functions/cdc/bin/cdc "$cmd" --once >"$work/cdc-$cmd.log" 2>&1 || { tail -n 20 "$work/cdc-$cmd.log"; exit 1; }
        echo "function=cdc-$cmd mode=local-once run=$run process_ms=$(( $(now_ms) - t0 ))"
    done
done
uptime
echo "(logs: $work)"
