#!/usr/bin/env bash
# Stages the installed tree of the edge-probe package and packs it as a .tar.gz; Maven's jdeb plugin then turns
# that tarball into the .deb (same tree, same modes and times). Run by the edge-probe pom in the package phase:
#   build-package.sh TARGET_DIR PROJECT_VERSION DEB_ARCH RUNTIME_JDK PINNED_MAJOR
# The tree:
#   opt/edge-probe/bin/edge-probe        launcher (packaging/bin/edge-probe, the class path filled in)
#   opt/edge-probe/lib/*.jar, native/    the app, its libraries, JNA's native stub
#   opt/edge-probe/lib/aot/*.aot         AOT caches (JDK 25, JEP 483/514), one per kind of run, trained here
#   opt/edge-probe/runtime/              a Java runtime made with jlink: only the modules jdeps finds
#   etc/edge-probe/                      default config (dpkg conffiles), usr/lib/{systemd,sysusers.d,tmpfiles.d}
#   usr/bin/edge-probe -> /opt/edge-probe/bin/edge-probe
set -euo pipefail
target=$1 version=$2 arch=$3 jdk=$4 pinned=$5
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
deb_version=${version/-SNAPSHOT/~SNAPSHOT}
out=$target/package
root=$out/root
app=$root/opt/edge-probe

die() { echo "build-package: $*" >&2; exit 1; }

# The runtime is copied into the package, so its JDK is pinned: the major version the pom names, and the
# exact build is recorded in the package (opt/edge-probe/runtime/release).
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)
[ "$major" = "$pinned" ] || die "the packaged runtime must come from a JDK $pinned (edge-probe.runtime.java in edge-probe/pom.xml); $jdk is '${major:-not a JDK}'. Pass -Dedge-probe.runtime.jdk=/path/to/jdk-$pinned"
"$jdk/bin/jlink" --help 2>/dev/null | grep -q "Linking from run-time image enabled" || [ -d "$jdk/jmods" ] \
    || die "$jdk has neither jmods/ nor a linkable run-time image (JEP 493): jlink cannot make the runtime"

rm -rf "$out"
mkdir -p "$app/bin" "$app/lib/native" "$app/lib/aot" "$app/share" "$root/etc/edge-probe" "$root/usr/bin" \
    "$root/usr/lib/systemd/system" "$root/usr/lib/sysusers.d" "$root/usr/lib/tmpfiles.d"

# The app jar without the dev jar's manifest Class-Path (the launcher gives the exact class path, which the AOT
# cache checks); Implementation-Version feeds 'edge-probe --version'.
printf 'Main-Class: io.edgeledger.probe.EdgeProbe\nImplementation-Title: edge-probe\nImplementation-Version: %s\n' \
    "$version" > "$out/manifest.txt"
"$jdk/bin/jar" --create --file "$app/lib/edge-probe.jar" --manifest "$out/manifest.txt" -C "$target/classes" .
cp "$target"/lib/*.jar "$app/lib/"
# sqlite-jdbc carries its native library for every OS (14 MB): keep only this architecture's glibc Linux build
case "$arch" in amd64) sqlite_arch=x86_64 ;; arm64) sqlite_arch=aarch64 ;; esac
for j in "$app"/lib/sqlite-jdbc-*.jar; do
    python3 - "$j" "org/sqlite/native/Linux/$sqlite_arch/" <<'PY'
import sys, zipfile, os
path, keep = sys.argv[1], sys.argv[2]
tmp = path + ".tmp"
with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
    for e in src.infolist():
        if e.filename.startswith("org/sqlite/native/") and not e.filename.startswith(keep) and not e.filename.endswith("/"):
            continue
        dst.writestr(e, src.read(e.filename))
os.replace(tmp, path)
PY
done

# JNA's native stub, unpacked once here instead of into a temporary file on every start
case "$arch" in amd64) jna_arch=x86-64 ;; arm64) jna_arch=aarch64 ;; *) die "unsupported architecture $arch" ;; esac
jna=$(ls "$app"/lib/jna-[0-9]*.jar | head -n1)
(cd "$app/lib/native" && "$jdk/bin/jar" --extract --file "$jna" "com/sun/jna/linux-$jna_arch/libjnidispatch.so" \
    && mv "com/sun/jna/linux-$jna_arch/libjnidispatch.so" . && rm -rf com)

# Modules: what jdeps finds in the app and its libraries, minus java.desktop (JNA refers to AWT only in its
# window-handle helpers, which the probe never calls); java.logging is then needed by JNA on its own.
mods=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release "$pinned" -recursive \
    --class-path "$app/lib/*" "$app/lib/edge-probe.jar")
mods=$(echo "$mods,java.logging" | tr ',' '\n' | grep -vx java.desktop | sort -u | paste -sd, -)
echo "build-package: runtime modules: $mods" >&2
"$jdk/bin/jlink" --add-modules "$mods" --output "$app/runtime" --strip-debug --no-header-files --no-man-pages \
    || die "jlink failed"

# Launcher with the class path spelled out (order fixed: the AOT cache is only used with the same class path).
cp_list='$home/lib/edge-probe.jar'
for j in $(cd "$app/lib" && ls *.jar | grep -vx edge-probe.jar | sort); do cp_list="$cp_list:\$home/lib/$j"; done
sed "s|@CLASSPATH@|$cp_list|" "$here/bin/edge-probe" > "$app/bin/edge-probe"
chmod 0755 "$app/bin/edge-probe"
ln -s /opt/edge-probe/bin/edge-probe "$root/usr/bin/edge-probe"

cp -r "$here/etc/." "$root/etc/edge-probe/"
mkdir -p "$root/etc/edge-probe/checks.d"   # custom check jars (docs/install-probe.md), empty until the customer adds one
cp "$here/systemd/edge-probe.service" "$root/usr/lib/systemd/system/"
cp "$here/systemd/edge-probe.sysusers.conf" "$root/usr/lib/sysusers.d/edge-probe.conf"
cp "$here/systemd/edge-probe.tmpfiles.conf" "$root/usr/lib/tmpfiles.d/edge-probe.conf"
cp "$here/../../docs/install-probe.md" "$app/share/" 2>/dev/null || true
chmod -R u=rwX,go=rX "$root/etc" "$root/usr/lib" "$app/share"

# One time for every file, before training: the AOT cache records the jars' times and sizes, and dpkg restores
# the times from the package, so the installed jars match what the cache saw.
stamp=${SOURCE_DATE_EPOCH:-$(date +%s)}
find "$root" -exec touch -h -d "@$stamp" {} +

# AOT caches: one training run per kind of start, through the launcher itself so the flags are the same.
launcher=$app/bin/edge-probe
train() { # NAME COMMAND...
    local name=$1; shift
    EDGE_PROBE_AOT_OUTPUT="$app/lib/aot/$name.aot" "$@" >"$out/train-$name.log" 2>&1 || true
    [ -s "$app/lib/aot/$name.aot" ] || { cat "$out/train-$name.log" >&2; die "no AOT cache for $name"; }
}
train cli "$launcher" --version
# a trace to loopback (one probe) loads the engine; without CAP_NET_RAW it stops at the privilege check
train traceroute "$launcher" traceroute -P udp -q 1 -m 2 --timeout 200 127.0.0.1
# the daemon with the shipped checks for a few scheduler rounds, then SIGTERM; its backend is a closed loopback
# port, so the forwarder signs, spools and retries as it does when the API is away
daemon_conf=$out/train-daemon-config
mkdir -p "$daemon_conf/conf.d/system.d"
printf 'training-secret\n' > "$daemon_conf/secret"
printf 'backend_url: http://127.0.0.1:9\nprobe_id: p-training\nsecret_file: secret\nspool_dir: %s\n' "$out/train-daemon-spool" \
    > "$daemon_conf/edge-probe.yaml"
printf 'dogstatsd:\n  enabled: true\n  port: 0\nhealth:\n  port: 0\njobs:\n  enabled: false\n' >> "$daemon_conf/edge-probe.yaml"
printf 'init_config:\n\ninstances:\n  - min_collection_interval: 1\n' > "$daemon_conf/conf.d/system.d/conf.yaml"
EDGE_PROBE_AOT_OUTPUT="$app/lib/aot/daemon.aot" "$launcher" run --config "$daemon_conf" >"$out/train-daemon.log" 2>&1 &
daemon=$!
for _ in $(seq 1 120); do grep -q "edge-probe run: started" "$out/train-daemon.log" && break; sleep 0.5; done
sleep 5   # a few check runs and flushes
kill -0 "$daemon" 2>/dev/null || { cat "$out/train-daemon.log" >&2; die "the daemon stopped during its training run"; }
kill -TERM "$daemon" 2>/dev/null || true
wait "$daemon" || true
[ -s "$app/lib/aot/daemon.aot" ] || { cat "$out/train-daemon.log" >&2; die "no AOT cache for the daemon"; }
touch -d "@$stamp" "$app/lib/aot" "$app/lib/aot"/*.aot

tarball=$target/edge-probe_${deb_version}_${arch}.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$root" -czf "$tarball" .
ln -f "$tarball" "$out/edge-probe.tar.gz"   # the fixed name jdeb reads
cp "$here/install.sh" "$target/install.sh"
echo "build-package: $tarball ($(du -sh "$root" | cut -f1) installed)" >&2
