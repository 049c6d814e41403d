#!/usr/bin/env bash
# The batcher as a candidate of ../shared/bench/cdc-throughput/run.sh: maps the harness's environment
# (REDIS_URL, S3_ENDPOINT, BUCKET, AWS_*, CONSUMER_GROUP, STREAM_PATTERN) onto EdgeLedger's settings and
# execs `cdc batch` (the batcher alone, runs back to back), so the measured process is the JVM itself.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
export EDGELEDGER_REDIS_URL="$REDIS_URL"
export EDGELEDGER_S3_ENDPOINT="$S3_ENDPOINT"
export EDGELEDGER_S3_BUCKET="$BUCKET"
export EDGELEDGER_S3_ACCESS_KEY="$AWS_ACCESS_KEY_ID"
export EDGELEDGER_S3_SECRET_KEY="$AWS_SECRET_ACCESS_KEY"
export EDGELEDGER_S3_REGION="${AWS_REGION:-us-east-1}"
export EDGELEDGER_CDC_GROUP="${CONSUMER_GROUP:-edgeledger-cdc}"
export EDGELEDGER_CDC_PREFIX="${STREAM_PATTERN%.\*}"
# Batches of up to 10,000 entries (the default); the tail of a drained stream seals after 2 s of quiet instead
# of the default minute, so a run ends when the harness's events are sealed, not a minute later.
export EDGELEDGER_CDC_BATCH_IDLE_SECONDS="${EDGELEDGER_CDC_BATCH_IDLE_SECONDS:-2}"
# EDGELEDGER_CDC_BATCHERS=N (default 1) runs N batchers in the one consumer group, each its own consumer
# (scale-out); the harness counts the whole process tree (CPU summed, RSS summed) and stops it with SIGINT.
batchers=${EDGELEDGER_CDC_BATCHERS:-1}
if [ "$batchers" -le 1 ]; then
    exec "$here/../../functions/cdc/bin/cdc" batch
fi
pids=()
for i in $(seq 1 "$batchers"); do
    EDGELEDGER_CDC_CONSUMER="cdc-batcher-$i" "$here/../../functions/cdc/bin/cdc" batch &
    pids+=($!)
done
trap 'kill -INT "${pids[@]}" 2>/dev/null; wait' INT TERM
wait
