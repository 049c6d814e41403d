#!/usr/bin/env bash
# bench/api: signed ingestion req/s and latency against the API's local HTTP mode, its API CPU per request against a
# hello-world on the same path (POST /v1/bench/hello: same handler and JSON binding, no signature, Redis or S3), and the Lambda-style cold start
# (process start -> first answered API Gateway event) with and without application class-data sharing.
# Loopback only, bounded in time; starts its own redis-server and S3 server and stops them (by pid) at the end.
#   bench/api/run.sh [load|coldstart|all]     (env: RATE=1000 or RATE=200,500,1000  SECONDS_=20 PROBES=50 CONCURRENCY=32
#                                              RUNS=5 CLIENT=raw|jdk: keep-alive sockets (lean, default) or the JDK HttpClient)
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
. "$repo/scripts/lib/jdk.sh"
el_select_jdk
what=${1:-all}
target=${EDGELEDGER_API_TARGET:-$repo/functions/api/target}
wire_jar=${EDGELEDGER_WIRE_JAR:-$repo/wire/target/edgeledger-wire.jar}  # CallbackSignature, for signing
jar="$target/edgeledger-api-0.1.0-SNAPSHOT-runner.jar"
[ -f "$jar" ] || (cd "$repo" && flock /tmp/edgeledger-build.lock ./mvnw -q -B -pl functions/api -am package -DskipTests)
work=$(mktemp -d /tmp/edgeledger-bench-api.XXXXXX)
redis_port=${REDIS_PORT:-6399}; s3_port=${S3_PORT:-9399}; api_port=${API_PORT:-8399}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" --loglevel warning >"$work/redis.log" 2>&1 &
pids+=($!)
EDGELEDGER_S3_PORT=$s3_port EDGELEDGER_S3_DIR="$work/s3" EDGELEDGER_S3_ACCESS_KEY=bench EDGELEDGER_S3_SECRET_KEY=bench-secret \
    "$JAVA_HOME/bin/java" -cp "$repo/samples/local-stack/target/local-stack.jar:$repo/samples/local-stack/target/lib/*" \
    io.edgeledger.local.LocalS3Server >"$work/s3.log" 2>&1 &
pids+=($!)
export EDGELEDGER_REDIS_URL=redis://127.0.0.1:$redis_port EDGELEDGER_S3_ENDPOINT=http://127.0.0.1:$s3_port
export EDGELEDGER_S3_ACCESS_KEY=bench EDGELEDGER_S3_SECRET_KEY=bench-secret EDGELEDGER_API_TARGET=$target
for _ in $(seq 100); do grep -q "S3 API at" "$work/s3.log" 2>/dev/null && break; sleep 0.3; done

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
jvm_base="--add-opens java.base/java.lang=ALL-UNNAMED -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

if [ "$what" = load ] || [ "$what" = all ]; then
    key=$("$repo/functions/api/bin/api" create-key --name bench 2>/dev/null)
    # the hello-world floor (POST /v1/bench/hello) is measured in the same run, against the same API process
    EDGELEDGER_BENCH_HELLO=true "$repo/functions/api/bin/api" serve --port "$api_port" >"$work/api.log" 2>&1 &
    api_pid=$!
    pids+=($api_pid)
    for _ in $(seq 200); do curl -sf "http://127.0.0.1:$api_port/health" >/dev/null 2>&1 && break; sleep 0.3; done
    "$JAVA_HOME/bin/java" -cp "$wire_jar" "$repo/bench/api/IngestBench.java" --url "http://127.0.0.1:$api_port" --key "$key" \
        --rate "${RATE:-1000}" --seconds "${SECONDS_:-20}" --probes "${PROBES:-50}" --concurrency "${CONCURRENCY:-32}" --client "${CLIENT:-raw}" \
        --warmup "${WARMUP:-10}" --saturate-seconds "${SATURATE:-10}" --server-pid "$api_pid" \
        --aux-pids "redis:${pids[0]},s3:${pids[1]}"
fi

if [ "$what" = coldstart ] || [ "$what" = all ]; then
    cold() { # label, extra JVM options
        local label=$1; shift
        for i in $(seq "${RUNS:-5}"); do
            local launched; launched=$(date +%s%3N)
            # CPU seconds (user+sys) are printed too: wall time on a shared, busy machine mostly measures the queue for a core
            local line; line=$(/usr/bin/time -f "cpu_s=%U+%S" "$JAVA_HOME/bin/java" "$@" $jvm_base -cp "$jar" io.edgeledger.api.local.ColdStart 2>&1 | grep -E '^status=|^cpu_s=' | tr '\n' ' ')
            local answered; answered=$(sed 's/.*answered_epoch_ms=\([0-9]*\).*/\1/' <<<"$line")
            echo "$label run $i: process start -> first answered event $((answered - launched)) ms ($line)"
        done
    }
    cold "no AppCDS (JDK default CDS)" -Xshare:auto
    # training run: dump the classes loaded by init + one event into an application CDS archive
    "$JAVA_HOME/bin/java" -XX:ArchiveClassesAtExit="$work/api.jsa" $jvm_base -cp "$jar" io.edgeledger.api.local.ColdStart >/dev/null 2>&1 || true
    cold "AppCDS" -XX:SharedArchiveFile="$work/api.jsa"
    cold "AppCDS + C1 only" -XX:SharedArchiveFile="$work/api.jsa" -XX:TieredStopAtLevel=1
fi
