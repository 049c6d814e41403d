#!/usr/bin/env bash
# NEAR client benchmarks: signing throughput and end-to-end mint latency against the local emulator.
# Usage: bench/near/run.sh [-Dsign.n=20000 -Dmint.n=200 -Dfault.n=10]
set -euo pipefail
repo=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$repo"
. scripts/lib/jdk.sh
el_select_jdk
jar=samples/near-emulator/target/near-emulator.jar
if [ ! -f "$jar" ] || [ ! -d samples/near-emulator/target/lib ]; then
    flock /tmp/edgeledger-build.lock ./mvnw -q -B -pl samples/near-emulator -am package -DskipTests >&2
fi
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
exec "$JAVA_HOME/bin/java" "$@" -cp "$jar:samples/near-emulator/target/lib/*" bench/near/NearBench.java
