#!/usr/bin/env bash
# ./edgeledger up: the whole stack on this machine, no cloud account. Ctrl-C stops everything.
#   Redis -> S3 (s3proxy on disk) -> NEAR emulator -> API (local HTTP) -> sample Debezium events
#   -> CDC batcher + minter -> an edge probe enrolled against the API.
# --smoke: once the samples are sealed and minted, verify one row of each batch through the API (verified, chain
#   root matches), expect a tampered copy of a batch to be caught, wait for the probe's metrics, then exit 0;
#   fail after --wait seconds.
# --lambda: run the API, batcher and minter as on AWS: the built function.zip files under the Lambda runtime
#   loop (samples/local-stack's emulator), with the handler and environment of the synthesized CDK template.
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$repo"
. scripts/lib/jdk.sh
el_select_jdk

smoke=0
lambda=0
wait_s=180
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) smoke=1 ;;
        --lambda) lambda=1 ;;
        --wait) wait_s=${2:?--wait needs seconds}; shift ;;
        -h|--help)
            sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
            echo "Settings (environment): EDGELEDGER_HOME (.edgeledger), EDGELEDGER_REDIS_PORT (6379),"
            echo "  EDGELEDGER_S3_PORT (9000), EDGELEDGER_NEAR_PORT (3030), EDGELEDGER_SM_PORT (4566, Secrets Manager),"
            echo "  EDGELEDGER_API_PORT (8080)."
            exit 0 ;;
        *) echo "up: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

export EDGELEDGER_HOME=${EDGELEDGER_HOME:-$repo/.edgeledger}
export EDGELEDGER_REDIS_PORT=${EDGELEDGER_REDIS_PORT:-6379}
export EDGELEDGER_S3_PORT=${EDGELEDGER_S3_PORT:-9000}
export EDGELEDGER_NEAR_PORT=${EDGELEDGER_NEAR_PORT:-3030}
export EDGELEDGER_API_PORT=${EDGELEDGER_API_PORT:-8080}
# Redis as ElastiCache runs it: TLS only (--port 0), a certificate for "localhost" from a CA made once per
# EDGELEDGER_HOME, which every client trusts through EDGELEDGER_REDIS_CA_FILE.
export EDGELEDGER_REDIS_URL="rediss://localhost:$EDGELEDGER_REDIS_PORT"
export EDGELEDGER_REDIS_CA_FILE="$EDGELEDGER_HOME/redis-tls/ca.pem"
export EDGELEDGER_S3_ENDPOINT="http://127.0.0.1:$EDGELEDGER_S3_PORT"
export EDGELEDGER_S3_BUCKET=${EDGELEDGER_S3_BUCKET:-edgeledger-ledger}
export EDGELEDGER_S3_ACCESS_KEY=${EDGELEDGER_S3_ACCESS_KEY:-edgeledger}
export EDGELEDGER_S3_SECRET_KEY=${EDGELEDGER_S3_SECRET_KEY:-edgeledger-local-secret}
export EDGELEDGER_S3_DIR="$EDGELEDGER_HOME/s3"
export EDGELEDGER_NEAR_RPC="http://127.0.0.1:$EDGELEDGER_NEAR_PORT"
# One notary for the emulator (which hosts it), the minter (which mints there) and the API (which verifies there).
export EDGELEDGER_NEAR_NETWORK=${EDGELEDGER_NEAR_NETWORK:-emulator}
export EDGELEDGER_NEAR_CONTRACT=${EDGELEDGER_NEAR_CONTRACT:-notary.emulator}
export EDGELEDGER_NEAR_ACCOUNT=${EDGELEDGER_NEAR_ACCOUNT:-minter.emulator}
# Secrets as on AWS: a local Secrets Manager holds the minter's key and the API's pepper; the functions' AWS SDK finds
# it through the standard endpoint variable and signs with these local keys.
export EDGELEDGER_SM_PORT=${EDGELEDGER_SM_PORT:-4566}
export AWS_REGION=${AWS_REGION:-us-east-1}
export AWS_ACCESS_KEY_ID=$EDGELEDGER_S3_ACCESS_KEY AWS_SECRET_ACCESS_KEY=$EDGELEDGER_S3_SECRET_KEY
export AWS_ENDPOINT_URL_SECRETS_MANAGER="http://127.0.0.1:$EDGELEDGER_SM_PORT"
# The secrets carry the names the stack gives them for stage "local"; under --lambda the functions get them by the
# partial ARN the template's references resolve to (CloudAssembly.localSecretArn), here by the full one.
local_secret_arn() { echo "arn:aws:secretsmanager:$AWS_REGION:000000000000:secret:$1-local0"; } # LocalSecretsManager.arn
export EDGELEDGER_API_SECRET_ARN=$(local_secret_arn edgeledger-local/api)
export EDGELEDGER_NEAR_SIGNER_SECRET_ARN=$(local_secret_arn edgeledger-local/near-signer)

export EDGELEDGER_PROBE_HEALTH_PORT=${EDGELEDGER_PROBE_HEALTH_PORT:-5002}
export EDGELEDGER_DOGSTATSD_PORT=${EDGELEDGER_DOGSTATSD_PORT:-8125}
export EDGELEDGER_API_URL="http://127.0.0.1:$EDGELEDGER_API_PORT"
export EDGELEDGER_CDC_PREFIX=${EDGELEDGER_CDC_PREFIX:-etrap}
# Locally a quiet stream seals after 5 s instead of the production 60 s, so the samples show up at once.
export EDGELEDGER_CDC_BATCH_IDLE_SECONDS=${EDGELEDGER_CDC_BATCH_IDLE_SECONDS:-5}
logs="$EDGELEDGER_HOME/logs"
mkdir -p "$logs" "$EDGELEDGER_HOME/redis" "$EDGELEDGER_S3_DIR" "$EDGELEDGER_HOME/near" "$EDGELEDGER_HOME/secrets" "$EDGELEDGER_HOME/redis-tls"

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
die() { echo "up: $*" >&2; exit 1; }

pids=()
stop_all() {
    trap - INT TERM EXIT
    [ ${#pids[@]} -gt 0 ] || return 0
    say "stopping the stack"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

rcli() { redis-cli --tls --cacert "$EDGELEDGER_REDIS_CA_FILE" -h localhost -p "$EDGELEDGER_REDIS_PORT" "$@"; }

# make_redis_tls: the local CA and Redis' certificate (localhost, 127.0.0.1), once per EDGELEDGER_HOME.
make_redis_tls() {
    local d="$EDGELEDGER_HOME/redis-tls"
    [ -s "$d/server.pem" ] && [ -s "$d/ca.pem" ] && return 0
    (umask 077
     openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=EdgeLedger local Redis CA" \
         -keyout "$d/ca.key" -out "$d/ca.pem" &&
     openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$d/server.key" -out "$d/server.csr" &&
     printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$d/server.ext" &&
     openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 3650 \
         -extfile "$d/server.ext" -out "$d/server.pem") >"$logs/redis-tls.log" 2>&1 \
        || die "could not make the local Redis CA with openssl (log: $logs/redis-tls.log)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start NAME PORT CMD...: runs CMD in the background, logging to $logs/NAME.log, and waits for PORT.
start() {
    local name=$1 port=$2; shift 2
    port_free "$port" || die "port $port (for $name) is in use: stop what holds it or set its EDGELEDGER_*_PORT"
    "$@" >"$logs/$name.log" 2>&1 &
    pids+=($!)
    local pid=$! i
    for i in $(seq 1 600); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { say "$name on 127.0.0.1:$port (log: ${logs#$repo/}/$name.log)"; return 0; }
        kill -0 "$pid" 2>/dev/null || { tail -n 20 "$logs/$name.log" >&2; die "$name exited at start (log: $logs/$name.log)"; }
        sleep 0.1
    done
    die "$name did not listen on $port within 60 s (log: $logs/$name.log)"
}

# --- --lambda: the template's functions under the Lambda runtime loop -------------------------------------------
# The CDK app synthesized offline into $EDGELEDGER_HOME/cdk.out (stage "local"); re-synthesized when a zip is newer.
lambda_cdk_out="$EDGELEDGER_HOME/cdk.out"
lambda_synth() {
    local zip newest=0
    for zip in functions/api/target/function.zip functions/cdc/target/function.zip; do
        [ -f "$zip" ] || die "$zip is missing after the build (log: $logs/build.log)"
        [ "$zip" -nt "$lambda_cdk_out/manifest.json" ] && newest=1
    done
    if [ "$newest" = 1 ] || [ ! -f "$lambda_cdk_out/manifest.json" ]; then
        say "synthesizing the CDK app (stage local) into ${lambda_cdk_out#$repo/}"
        rm -rf "$lambda_cdk_out"
        CDK_OUTDIR="$lambda_cdk_out" infra/bin/synth stage=local >"$logs/synth.log" 2>&1 \
            || { tail -n 30 "$logs/synth.log" >&2; die "synth failed (log: $logs/synth.log)"; }
    fi
    # The NEAR emulator answers as the template's contract and signer account, so the template's values are used as they are.
    local accounts
    accounts=$(python3 - "$lambda_cdk_out/EdgeLedger-local-Cdc.template.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["Resources"].values():
    v = r.get("Properties", {}).get("Environment", {}).get("Variables", {})
    if v.get("QUARKUS_LAMBDA_HANDLER") == "near-minter":
        print(v["EDGELEDGER_NEAR_CONTRACT"], v["EDGELEDGER_NEAR_ACCOUNT"])
PY
) || die "cannot read the minter's NEAR settings from $lambda_cdk_out"
    read -r EDGELEDGER_NEAR_CONTRACT EDGELEDGER_NEAR_ACCOUNT <<<"$accounts"
}

# API behind the HTTP API front on $EDGELEDGER_API_PORT; batcher and minter on a Scheduled Event every
# $EDGELEDGER_LAMBDA_SCHEDULE_SECONDS (10; the template's rule says 1 minute). Only endpoints and deploy-time
# values (bucket names, the Redis address) are given here; the rest is the template's.
start_lambda_stack() {
    local stage=local
    start lambda "$EDGELEDGER_API_PORT" "$JAVA_HOME/bin/java" \
        -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" io.edgeledger.local.lambda.LambdaStackMain \
        --cdk-out "$lambda_cdk_out" --runtime-lib samples/local-stack/target/lambda-runtime --sandbox "$EDGELEDGER_HOME/lambda" \
        --http "edgeledger-$stage-api=$EDGELEDGER_API_PORT" \
        --schedule "edgeledger-$stage-cdc-batcher=${EDGELEDGER_LAMBDA_SCHEDULE_SECONDS:-10}" \
        --schedule "edgeledger-$stage-near-minter=${EDGELEDGER_LAMBDA_SCHEDULE_SECONDS:-10}" \
        --set "EDGELEDGER_REDIS_URL=$EDGELEDGER_REDIS_URL" --set "EDGELEDGER_REDIS_CA_FILE=$EDGELEDGER_REDIS_CA_FILE" \
        --set "EDGELEDGER_S3_BUCKET=$EDGELEDGER_S3_BUCKET" --set "EDGELEDGER_ARCHIVE_BUCKET=${EDGELEDGER_ARCHIVE_BUCKET:-edgeledger-archive}" \
        --set "AWS_ENDPOINT_URL_S3=$EDGELEDGER_S3_ENDPOINT" --set "AWS_ENDPOINT_URL_SECRETS_MANAGER=$AWS_ENDPOINT_URL_SECRETS_MANAGER" \
        --set "EDGELEDGER_NEAR_RPC=$EDGELEDGER_NEAR_RPC" \
        --set "AWS_ACCESS_KEY_ID=$EDGELEDGER_S3_ACCESS_KEY" --set "AWS_SECRET_ACCESS_KEY=$EDGELEDGER_S3_SECRET_KEY"
}
# ------------------------------------------------------------------------------------------------------------------

say "building (first run takes a few minutes)"
flock /tmp/edgeledger-build.lock ./mvnw -q -B package -DskipTests -Dedge-probe.package.skip >"$logs/build.log" 2>&1 || { tail -n 30 "$logs/build.log" >&2; die "build failed (log: $logs/build.log)"; }

make_redis_tls
start redis "$EDGELEDGER_REDIS_PORT" redis-server --port 0 --tls-port "$EDGELEDGER_REDIS_PORT" --bind 127.0.0.1 \
    --tls-cert-file "$EDGELEDGER_HOME/redis-tls/server.pem" --tls-key-file "$EDGELEDGER_HOME/redis-tls/server.key" \
    --tls-ca-cert-file "$EDGELEDGER_REDIS_CA_FILE" --tls-auth-clients no \
    --dir "$EDGELEDGER_HOME/redis" --appendonly yes --save ""
start s3 "$EDGELEDGER_S3_PORT" "$JAVA_HOME/bin/java" -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" \
    io.edgeledger.local.LocalS3Server
[ "$lambda" = 1 ] && lambda_synth # the template's NEAR contract and signer become the emulator's
start near-emulator "$EDGELEDGER_NEAR_PORT" samples/near-emulator/bin/near-emulator --port "$EDGELEDGER_NEAR_PORT" \
    --state "$EDGELEDGER_HOME/near/state.json" --credentials-dir "$EDGELEDGER_HOME/near" \
    --contract "$EDGELEDGER_NEAR_CONTRACT" --signer "$EDGELEDGER_NEAR_ACCOUNT"
# The API's pepper is made once per EDGELEDGER_HOME (operator keys are hashed with it); the signer key is the one the
# emulator funded.
if [ ! -s "$EDGELEDGER_HOME/secrets/api.json" ]; then
    (umask 077; printf '{"operator_key_pepper":"%s"}\n' "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" >"$EDGELEDGER_HOME/secrets/api.json")
fi
start secrets-manager "$EDGELEDGER_SM_PORT" "$JAVA_HOME/bin/java" -cp "samples/local-stack/target/local-stack.jar:samples/local-stack/target/lib/*" \
    io.edgeledger.local.secrets.LocalSecretsManager "edgeledger-local/api=$EDGELEDGER_HOME/secrets/api.json" \
    "edgeledger-local/near-signer=$EDGELEDGER_HOME/near/$EDGELEDGER_NEAR_ACCOUNT.json"
if [ "$lambda" = 1 ]; then
    start_lambda_stack
else
    start api "$EDGELEDGER_API_PORT" functions/api/bin/api serve --port "$EDGELEDGER_API_PORT"
fi

# The sample events, once: Debezium Server's Redis sink format (extended, schema envelopes = typed leaves).
if [ "$(rcli EXISTS etrap.public.orders)" = 0 ]; then
    n=0
    while IFS=$'\t' read -r -a cells; do
        rcli XADD "${cells[0]}" '*' "${cells[@]:1}" >/dev/null
        n=$((n + 1))
    done < samples/debezium/streams-extended-schemas.tsv
    say "loaded $n sample Debezium change events into Redis streams etrap.*"
fi

start_cdc() {
    functions/cdc/bin/cdc run >"$logs/cdc.log" 2>&1 &
    pids+=($!)
    say "CDC batcher and minter running (log: ${logs#$repo/}/cdc.log)"
}
[ "$lambda" = 1 ] || start_cdc

say "waiting for the sample batches to be sealed and minted"
batches=""
for i in $(seq 1 "$wait_s"); do
    batches=$(functions/cdc/bin/cdc status --json 2>/dev/null || true)
    if [ -n "$batches" ] && echo "$batches" | python3 -c 'import json,sys; b=json.load(sys.stdin); sys.exit(0 if b and all(x.get("mint",{}).get("status")=="minted" for x in b) else 1)' 2>/dev/null; then
        break
    fi
    batches=""
    sleep 1
done
[ -n "$batches" ] || die "the sample batches were not minted within $wait_s s (logs: $logs)"
echo "$batches" | python3 -c '
import json, sys
print("%-36s %-28s %6s  %-64s  %s" % ("batch", "table", "leaves", "root", "NEAR tx"))
for b in json.load(sys.stdin):
    print("%-36s %-28s %6d  %-64s  %s" % (b["batch_id"], b["database"] + "." + b["table"], b["leaf_count"], b["root"], b["mint"].get("tx_hash")))'

enroll_and_start_probe() {
    local keyfile="$EDGELEDGER_HOME/operator-key" dir="$EDGELEDGER_HOME/probe" resp
    if [ ! -s "$keyfile" ]; then
        (umask 077; functions/api/bin/api create-key --name local-up >"$keyfile") || die "could not create an operator key"
    fi
    if [ ! -s "$dir/secret" ]; then
        resp=$(curl -sf -X POST "$EDGELEDGER_API_URL/v1/probes" -H "Authorization: Bearer $(cat "$keyfile")" \
            -H 'Content-Type: application/json' -d "{\"name\":\"local-up\",\"hostname\":\"$(hostname)\"}") \
            || die "probe enrollment failed (log: $logs/api.log)"
        mkdir -p "$dir"
        cp -r samples/probe/conf.d "$dir/"
        (umask 077; echo "$resp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])' >"$dir/secret")
        probe_id=$(echo "$resp" | python3 -c 'import json,sys; print(json.load(sys.stdin)["probe_id"])')
        sed -e "s#^backend_url:.*#backend_url: $EDGELEDGER_API_URL#" -e "s#^probe_id:.*#probe_id: $probe_id#" \
            -e "s#^spool_dir:.*#spool_dir: $dir/spool#" -e "s#^\(  port:\) 8125#\1 $EDGELEDGER_DOGSTATSD_PORT#" \
            -e "s#^\(  port:\) 5002#\1 $EDGELEDGER_PROBE_HEALTH_PORT#" samples/probe/edge-probe.yaml >"$dir/edge-probe.yaml"
        # The devlog check reads a demo home: the shared assistant-log fixtures when they are beside the repo.
        if [ -d ../shared/fixtures/agent-logs/home ]; then
            rm -rf "$EDGELEDGER_HOME/devlog-home"; cp -r ../shared/fixtures/agent-logs/home "$EDGELEDGER_HOME/devlog-home"
            chmod -R u+w "$EDGELEDGER_HOME/devlog-home"
            sed -i "s#home: .*#home: $EDGELEDGER_HOME/devlog-home#" "$dir/conf.d/devlog.d/conf.yaml"
        fi
        say "enrolled edge probe $probe_id"
    fi
    start edge-probe "$EDGELEDGER_PROBE_HEALTH_PORT" edge-probe/bin/edge-probe run --config "$dir"
}
enroll_and_start_probe

cat <<EOF

Where to look:
  Web console    $EDGELEDGER_API_URL/console/ (sign in with the operator key in $EDGELEDGER_HOME/operator-key)
  S3 objects     $EDGELEDGER_S3_DIR/$EDGELEDGER_S3_BUCKET/<db>/<table>/<batch>/ (or any S3 client at $EDGELEDGER_S3_ENDPOINT)
  API            $EDGELEDGER_API_URL/health, $EDGELEDGER_API_URL/q/openapi (operator key in $EDGELEDGER_HOME/operator-key)
  Edge probe     edge-probe/bin/edge-probe status --config $EDGELEDGER_HOME/probe; http://127.0.0.1:$EDGELEDGER_PROBE_HEALTH_PORT/metrics
  NEAR emulator  $EDGELEDGER_NEAR_RPC (JSON-RPC)
  Redis          $EDGELEDGER_REDIS_URL (TLS only; other ./edgeledger commands need EDGELEDGER_REDIS_URL and
                 EDGELEDGER_REDIS_CA_FILE=$EDGELEDGER_REDIS_CA_FILE)
  Secrets        $AWS_ENDPOINT_URL_SECRETS_MANAGER: $EDGELEDGER_API_SECRET_ARN, $EDGELEDGER_NEAR_SIGNER_SECRET_ARN
  Logs           $logs/
EOF

if [ "$smoke" = 1 ]; then
    say "verifying a row of each sample batch against the chain, and a tampered copy"
    echo "$batches" | python3 scripts/lib/ledger_smoke.py || die "row verification failed (log: $logs/api.log)"
    # The probe's first flush (15 s) must reach the API, signed, and be queryable.
    for i in $(seq 1 90); do
        if curl -sf "$EDGELEDGER_API_URL/v1/metrics?name=system.load.1" -H "Authorization: Bearer $(cat "$EDGELEDGER_HOME/operator-key")" \
            | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if json.dumps(d).count("system.load.1") and "points" in json.dumps(d) else 1)' 2>/dev/null; then
            say "the edge probe's metrics reached the API"
            say "smoke run complete"
            exit 0
        fi
        sleep 1
    done
    die "no metrics from the edge probe reached the API within 90 s (logs: $logs/edge-probe.log, $logs/api.log)"
fi
say "stack is up; Ctrl-C stops it"
wait
