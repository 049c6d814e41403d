#!/usr/bin/env bash
# The edge-probe package as a customer gets it, on this machine (run by ./edgeledger test, as root):
#   install.sh with the built .deb -> files, user, conffiles -> the installed CLI with no JDK on PATH
#   (--version, and the AOT caches really used) -> traceroute in a netlab chain of our own -> systemd-analyze verify
#   -> enrollment token from a local API -> the daemon's signed metrics arrive -> API down: a batch spooled
#   -> upgrade to a second build with changed defaults: the customer's edited config, the enrollment and the
#   spool survive, the spool drains -> install.sh again keeps the enrollment -> dpkg --purge leaves nothing.
# Everything it installs or starts, it removes (trap). Packets only inside its own netlab namespaces.
#   package-test.sh [DEB]     (default: edge-probe/target/edge-probe_*.deb)
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
repo=$(cd "$here/../../.." && pwd)
shared=${EDGELEDGER_SHARED:-$(cd "$repo/../shared" 2>/dev/null && pwd || echo /work/shared)}

if [ "$(id -u)" -ne 0 ]; then
    echo "########################################################################################" >&2
    echo "## package-test: SKIPPED, not root: dpkg -i, a system user and network namespaces need root." >&2
    echo "## Run as root (CI does) to test the edge-probe package." >&2
    echo "########################################################################################" >&2
    exit 0
fi
deb=${1:-$(ls "$repo"/edge-probe/target/edge-probe_*.deb 2>/dev/null | head -n1)}
[ -f "$deb" ] || { echo "package-test: no .deb (build it: ./edgeledger build)" >&2; exit 1; }
if dpkg -s edge-probe >/dev/null 2>&1; then
    echo "package-test: edge-probe is already installed on this machine; not touching it (dpkg --purge edge-probe first)" >&2
    exit 1
fi

work=$(mktemp -d /tmp/edge-probe-pkgtest.XXXXXX)
prefix=ept$$
prefix=${prefix:0:16}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
redis_port=$(free_port) s3_port=$(free_port) api_port=$(free_port) health_port=$(free_port) statsd_port=$(free_port)
api_url=http://127.0.0.1:$api_port
pids=() api_pid= daemon_pid=
pass=0
ok() { pass=$((pass + 1)); printf 'package-test: ok %d - %s\n' "$pass" "$*" >&2; }
fail() { printf 'package-test: FAILED: %s (work dir %s)\n' "$*" "$work" >&2; exit 1; }

cleanup() {
    local rc=$?
    set +e
    [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
    [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    NETLAB_PREFIX=$prefix "$shared/netlab/netns-chain.sh" down >/dev/null 2>&1
    dpkg -s edge-probe >/dev/null 2>&1 && dpkg --purge edge-probe >/dev/null 2>&1
    if [ "$rc" -eq 0 ]; then rm -rf "$work"; else
        for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }; done
    fi
}
trap cleanup EXIT

# A PATH with no java at all: only what the launcher itself needs.
nojdk=$work/nojdk-bin
mkdir -p "$nojdk"
for tool in readlink sh; do ln -s "$(command -v $tool)" "$nojdk/$tool"; done
PATH=$nojdk command -v java >/dev/null 2>&1 && fail "java found on the test PATH"
probe() { env -i PATH="$nojdk" HOME=/root "$@"; }   # probe [NAME=VALUE...] COMMAND...

wait_for() { # SECONDS DESCRIPTION COMMAND...
    local secs=$1 what=$2 i; shift 2
    for i in $(seq 1 $((secs * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
    fail "$what: not within $secs s"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- the local API: Redis, S3, the API in local HTTP mode (built by ./mvnw verify before this test)
export EDGELEDGER_REDIS_URL=redis://127.0.0.1:$redis_port EDGELEDGER_S3_PORT=$s3_port EDGELEDGER_S3_ENDPOINT=http://127.0.0.1:$s3_port \
    EDGELEDGER_S3_ACCESS_KEY=pkgtest EDGELEDGER_S3_SECRET_KEY=pkgtest-secret EDGELEDGER_S3_DIR=$work/s3
mkdir -p "$work/s3" "$work/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save "" >"$work/redis.log" 2>&1 &
pids+=($!)
. "$repo/scripts/lib/jdk.sh"
el_select_jdk >/dev/null
"$JAVA_HOME/bin/java" -cp "$repo/samples/local-stack/target/local-stack.jar:$repo/samples/local-stack/target/lib/*" \
    io.edgeledger.local.LocalS3Server >"$work/s3.log" 2>&1 &
pids+=($!)
start_api() {
    "$repo/functions/api/bin/api" serve --port "$api_port" >>"$work/api.log" 2>&1 &
    api_pid=$!
    wait_for 120 "the API listening" port_open "$api_port"
}
wait_for 30 "redis" port_open "$redis_port"
wait_for 60 "the S3 server" port_open "$s3_port"
start_api
operator_key=$("$repo/functions/api/bin/api" create-key --name package-test 2>>"$work/api.log")
auth=(-H "Authorization: Bearer $operator_key")

# --- install with install.sh (local file), no token yet: must refuse to enroll but leave the package installed
env -u EDGELEDGER_API -u EDGELEDGER_ENROLL_TOKEN EDGELEDGER_PACKAGE="$deb" sh "$repo/edge-probe/packaging/install.sh" >"$work/install-1.log" 2>&1 \
    && fail "install.sh without EDGELEDGER_API/TOKEN should fail at enrollment"
grep -q "set EDGELEDGER_API" "$work/install-1.log" || fail "install.sh did not say what is missing"
dpkg -s edge-probe >/dev/null || fail "the package is not installed"
ok "install.sh installed $(dpkg-query -W -f='${Version}' edge-probe) and asked for EDGELEDGER_API"

# --- the installed tree
for path in /opt/edge-probe/bin/edge-probe /opt/edge-probe/runtime/bin/java /opt/edge-probe/lib/edge-probe.jar \
    /opt/edge-probe/lib/aot/cli.aot /opt/edge-probe/lib/aot/traceroute.aot /opt/edge-probe/lib/aot/daemon.aot \
    /etc/edge-probe/edge-probe.yaml /etc/edge-probe/conf.d/system.d/conf.yaml /usr/lib/systemd/system/edge-probe.service \
    /usr/lib/sysusers.d/edge-probe.conf /usr/lib/tmpfiles.d/edge-probe.conf; do
    [ -e "$path" ] || fail "$path is missing"
done
[ "$(readlink /usr/bin/edge-probe)" = /opt/edge-probe/bin/edge-probe ] || fail "/usr/bin/edge-probe is not the link"
dpkg-query -W -f='${Conffiles}\n' edge-probe | grep -q "/etc/edge-probe/edge-probe.yaml" || fail "edge-probe.yaml is not a conffile"
getent passwd edge-probe | grep -q ":/var/lib/edge-probe:/usr/sbin/nologin$" || fail "user edge-probe missing or wrong"
[ "$(stat -c '%a %U %G' /var/lib/edge-probe)" = "700 edge-probe edge-probe" ] || fail "/var/lib/edge-probe: $(stat -c '%a %U %G' /var/lib/edge-probe)"
[ "$(stat -c '%a %U %G' /etc/edge-probe)" = "750 root edge-probe" ] || fail "/etc/edge-probe: $(stat -c '%a %U %G' /etc/edge-probe)"
[ -e /etc/edge-probe/secret ] && fail "a secret exists before enrollment"
ok "tree, link, conffiles, user and directories"

# --- the CLI with no JDK on PATH; the AOT caches must load (AOTMode=on makes a cache that does not fit fatal)
version=$(probe /usr/bin/edge-probe --version) || fail "edge-probe --version failed"
[ "$version" = "edge-probe $(dpkg-query -W -f='${Version}' edge-probe | sed 's/~SNAPSHOT.*/-SNAPSHOT/')" ] \
    || fail "unexpected version '$version'"
probe EDGE_PROBE_JAVA_OPTS=-XX:AOTMode=on /usr/bin/edge-probe --version >/dev/null 2>"$work/aot-cli.log" \
    || fail "the CLI's AOT cache is not usable ($(head -c 300 "$work/aot-cli.log"))"
probe EDGE_PROBE_JAVA_OPTS=-XX:AOTMode=on /usr/bin/edge-probe traceroute --help >/dev/null 2>"$work/aot-tr.log" \
    || fail "the traceroute AOT cache is not usable ($(head -c 300 "$work/aot-tr.log"))"
# the daemon's cache: with a config directory that does not exist, 'run' stops at the config (exit 2) after the JVM
# has mapped (or, with AOTMode=on, failed on) its cache
rc=0; probe EDGE_PROBE_JAVA_OPTS=-XX:AOTMode=on /usr/bin/edge-probe run --config "$work/none" >/dev/null 2>"$work/aot-daemon.log" || rc=$?
[ "$rc" = 2 ] || fail "the daemon's AOT cache is not usable (exit $rc: $(head -c 300 "$work/aot-daemon.log"))"
ok "'$version' with no JDK on PATH, AOT caches in use"

# --- traceroute in a 5-hop netlab chain of our own (packets never leave its namespaces)
NETLAB_PREFIX=$prefix "$shared/netlab/netns-chain.sh" up --hops 5 --ipv4-only >"$work/netlab.log" 2>&1 || fail "netlab up"
ip netns exec "$prefix-src" env -i PATH="$nojdk" /usr/bin/edge-probe traceroute -P udp -q 1 --timeout 1000 \
    198.18.5.2 >"$work/trace.json" 2>"$work/trace.log" || fail "installed traceroute failed ($(cat "$work/trace.log"))"
python3 - "$work/trace.json" <<'PY' || fail "traceroute result is not the 5-hop chain: $(head -c 400 "$work/trace.json")"
import json, sys
text = open(sys.argv[1]).read()
json.loads(text)
for ip in ["198.18.0.2", "198.18.1.2", "198.18.2.2", "198.18.3.2", "198.18.4.2", "198.18.5.2"]:
    assert ip in text, ip
PY
NETLAB_PREFIX=$prefix "$shared/netlab/netns-chain.sh" down >/dev/null 2>&1
ok "installed traceroute crossed the 5-hop chain to 198.18.5.2"

# --- the unit
systemd-analyze verify /usr/lib/systemd/system/edge-probe.service >"$work/verify.log" 2>&1 \
    || fail "systemd-analyze verify: $(cat "$work/verify.log")"
grep -q "^CapabilityBoundingSet=CAP_NET_RAW$" /usr/lib/systemd/system/edge-probe.service || fail "unit capabilities"
ok "systemd-analyze verify"

# --- enrollment: a token, then install.sh again with it (the package is reinstalled, the host enrolled)
token_json=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$api_url/v1/enrollment-tokens" \
    -d '{"ttl":600,"tags":["env:pkgtest"],"name_prefix":"pkgtest"}') || fail "token creation"
token=$(echo "$token_json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
EDGELEDGER_PACKAGE=$deb EDGELEDGER_API=$api_url EDGELEDGER_ENROLL_TOKEN=$token EDGELEDGER_TAGS=site:test \
    sh "$repo/edge-probe/packaging/install.sh" >"$work/install-2.log" 2>&1 || fail "install.sh with a token"
[ "$(stat -c '%a %U %G' /etc/edge-probe/secret)" = "640 root edge-probe" ] || fail "secret: $(stat -c '%a %U %G' /etc/edge-probe/secret)"
probe_id=$(sed -n 's/^probe_id: *//p' /etc/edge-probe/enrollment.yaml)
[ -n "$probe_id" ] || fail "no probe id in enrollment.yaml"
grep -qF "$token" "$work/install-2.log" && fail "install.sh printed the token"
# the same token again is refused with a clear message
probe EDGELEDGER_ENROLL_TOKEN="$token" /usr/bin/edge-probe enroll --api "$api_url" --config /etc/edge-probe --force --no-start \
    >"$work/reuse.log" 2>&1 && fail "a used token enrolled again"
grep -q "enrollment_token_used" "$work/reuse.log" || fail "reuse message: $(cat "$work/reuse.log")"
ok "enrolled as $probe_id (secret 0640 root:edge-probe); the token cannot be used twice"

# --- the customer edits the config (ports free on this machine), then the daemon runs as the edge-probe user
# (started here by hand: this machine has no running systemd; the default checks need no capability)
sed -i -e "s/^  port: 5002/  port: $health_port/" -e "s/^  port: 8125/  port: $statsd_port/" \
    -e 's/^tags: \[\]/tags: [customer:edited]/' /etc/edge-probe/edge-probe.yaml
cp /etc/edge-probe/edge-probe.yaml "$work/customer.yaml"
start_daemon() {
    setpriv --reuid=edge-probe --regid=edge-probe --init-groups env -i PATH="$nojdk" /usr/bin/edge-probe run --config /etc/edge-probe >>"$work/daemon.log" 2>&1 &
    daemon_pid=$!
    wait_for 60 "the daemon's health port" port_open "$health_port"
}
stop_daemon() { kill -TERM "$daemon_pid"; wait "$daemon_pid" || true; daemon_pid=; }
start_daemon
metrics_arrived() {
    curl -sf "${auth[@]}" "$api_url/v1/metrics?name=system.load.1&tags=customer:edited" \
        | python3 -c 'import json,sys; s=json.load(sys.stdin)["series"]; sys.exit(0 if any(x["points"] and "customer:edited" in x["tags"] for x in s) else 1)'
}
wait_for 120 "signed metrics from $probe_id at the API" metrics_arrived
probe /usr/bin/edge-probe status --config /etc/edge-probe >"$work/status.log" 2>&1 || fail "edge-probe status"
ok "signed metrics from the installed daemon reached the API; edge-probe status answers"

# --- the API goes away: the next flush is spooled on disk
kill "$api_pid"; wait "$api_pid" 2>/dev/null || true; api_pid=
forwarder() { # FIELD -> the running daemon's forwarder counter, from edge-probe status --json
    probe /usr/bin/edge-probe status --json --addr "127.0.0.1:$health_port" 2>/dev/null \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["forwarder"][sys.argv[1]])' "$1"
}
spooled() { [ "$(forwarder queue)" -gt 0 ]; }
wait_for 90 "a batch spooled while the API is down" spooled
stop_daemon
(cd /var/lib/edge-probe && find . -type f | sort | xargs sha256sum) >"$work/spool-before.txt"
ok "API down: batches spooled ($(wc -l <"$work/spool-before.txt") file(s) under /var/lib/edge-probe)"

# --- a second build: new version, changed default config (edge-probe.yaml and the unedited system check)
rebuilt=$work/rebuild
dpkg-deb -R "$deb" "$rebuilt"
new_version="$(dpkg-deb -f "$deb" Version)+pkgtest1"
sed -i "s/^Version: .*/Version: $new_version/" "$rebuilt/DEBIAN/control"
sed -i 's/^check_runners: 4 /check_runners: 3 /' "$rebuilt/etc/edge-probe/edge-probe.yaml"
sed -i 's/min_collection_interval: 15/min_collection_interval: 20/' "$rebuilt/etc/edge-probe/conf.d/system.d/conf.yaml"
(cd "$rebuilt" && find . -path ./DEBIAN -prune -o -type f -print0 | sed -z 's|^\./||' | xargs -0 md5sum > DEBIAN/md5sums)
dpkg-deb --root-owner-group -Zgzip -z1 -b "$rebuilt" "$work/edge-probe_upgrade.deb" >/dev/null
dpkg -i --force-confdef --force-confold "$work/edge-probe_upgrade.deb" >"$work/upgrade.log" 2>&1 || fail "upgrade"
[ "$(dpkg-query -W -f='${Version}' edge-probe)" = "$new_version" ] || fail "not upgraded"
cmp -s /etc/edge-probe/edge-probe.yaml "$work/customer.yaml" || fail "the customer's edge-probe.yaml changed on upgrade"
[ -f /etc/edge-probe/edge-probe.yaml.dpkg-dist ] || fail "the new default was not left beside it (.dpkg-dist)"
grep -q "min_collection_interval: 20" /etc/edge-probe/conf.d/system.d/conf.yaml || fail "the unedited conffile did not get the new default"
[ "$(sed -n 's/^probe_id: *//p' /etc/edge-probe/enrollment.yaml)" = "$probe_id" ] || fail "enrollment lost on upgrade"
(cd /var/lib/edge-probe && find . -type f | sort | xargs sha256sum) | cmp -s - "$work/spool-before.txt" || fail "the spool changed on upgrade"
ok "upgrade to $new_version kept the customer's config, the enrollment and the spool; new defaults where unedited"

# --- back online: the spooled batch is delivered after the upgrade
start_api
start_daemon
drained() { [ "$(forwarder queue)" -eq 0 ] && [ "$(forwarder delivered)" -gt 0 ]; }
wait_for 120 "the spooled batch delivered" drained
stop_daemon
ok "the spooled batch was delivered after the upgrade"

# --- install.sh once more: idempotent, keeps the enrollment without a token
EDGELEDGER_PACKAGE=$work/edge-probe_upgrade.deb sh "$repo/edge-probe/packaging/install.sh" >"$work/install-3.log" 2>&1 \
    || fail "install.sh on an enrolled host"
grep -q "already enrolled as $probe_id" "$work/install-3.log" || fail "install.sh did not keep the enrollment"
ok "install.sh again: upgraded in place, enrollment kept"

# --- purge leaves nothing
dpkg --purge edge-probe >"$work/purge.log" 2>&1 || fail "dpkg --purge"
for path in /opt/edge-probe /etc/edge-probe /var/lib/edge-probe /usr/bin/edge-probe /usr/lib/systemd/system/edge-probe.service \
    /usr/lib/sysusers.d/edge-probe.conf /usr/lib/tmpfiles.d/edge-probe.conf; do
    [ -e "$path" ] || [ -L "$path" ] && fail "$path left after purge"
done
getent passwd edge-probe >/dev/null && fail "user edge-probe left after purge"
getent group edge-probe >/dev/null && fail "group edge-probe left after purge"
ok "dpkg --purge removed files, state, enrollment, user and group"
echo "package-test: all $pass passed" >&2
