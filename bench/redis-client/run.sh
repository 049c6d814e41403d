#!/usr/bin/env bash
# CPU per entry of the batcher's Redis work with Jedis, Lettuce and Vert.x Redis (quarkus-redis-client's engine),
# same JVM, same run. Usage: bench/redis-client/run.sh [ENTRIES] [ROUNDS]   (defaults 200000, 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
samples=${SAMPLES:-$root/../shared/samples/debezium/redis/streams-extended.jsonl}
entries=${1:-200000}
rounds=${2:-5}
uptime
(cd "$here" && "$root/mvnw" -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --loglevel warning &
redis_pid=$!
trap 'kill $redis_pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
"$JAVA_HOME/bin/java" -Xmx1g -cp "$here/target/classes:$(cat "$here/target/cp.txt")" \
    io.edgeledger.bench.redis.RedisClientBench "$port" "$samples" "$entries" "$rounds"
uptime
