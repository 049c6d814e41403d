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
exec "$here/../../functions/cdc/bin/cdc" batch
