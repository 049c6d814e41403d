#!/usr/bin/env bash
# Builds target/function-aot.zip: the API for Lambda's custom runtime (provided.al2023; infra: -c functionRuntime=jvm-aot).
# Run by the functions/api pom's lambda-aot profile in the package phase, after Quarkus has built the runner jar:
#   build-zip.sh TARGET_DIR JDK RIC_DIR TRAINING_CLASSPATH
# The zip (Lambda unpacks it into /var/task):
#   bootstrap                 what Lambda runs (lambda-aot/bootstrap, the class path filled in), mode 0755
#   jdk/                      a Java runtime made with jlink from JDK (25+): only the modules jdeps finds
#   app/edgeledger-api.jar, app/lib/*.jar   the Quarkus runner jar and its libraries (its manifest names them)
#   runtime/*.jar, runtime/libaws-lambda-jni.so   AWS's runtime interface client (as samples/local-stack resolved it
#                             for the managed runtime) and its JNI library for this machine's architecture
#   api.aot                   the AOT cache (JEP 483/514/515) from a training run: the bootstrap started under the
#                             runtime loop of samples/local-stack (TrainingRun), a few HTTP API events, then SIGTERM
# The JDK, the JNI library and the cache are for the architecture of the machine that builds (jdk/release OS_ARCH,
# which infra reads to set the function's architecture).
set -euo pipefail
target=$1 jdk=$2 ric=$3 training_cp=$4
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
out=$target/lambda-aot
task=$out/task
zip=$target/function-aot.zip
handler=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest

die() { echo "lambda-aot: $*" >&2; exit 1; }

major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)
[ -n "$major" ] && [ "$major" -ge 25 ] || die "the custom runtime's JDK must be 25 or later (its one-step AOT cache, JEP 514); $jdk is '${major:-not a JDK}'. Build with JAVA_HOME=/path/to/jdk-25"
"$jdk/bin/jlink" --help 2>/dev/null | grep -q "Linking from run-time image enabled" || [ -d "$jdk/jmods" ] \
    || die "$jdk has neither jmods/ nor a linkable run-time image (JEP 493): jlink cannot make the runtime"
runner=$(ls "$target"/*-runner.jar 2>/dev/null | head -n1)
[ -f "$runner" ] && [ -d "$target/lib" ] || die "no Quarkus runner jar and lib/ in $target: the Quarkus build runs first"
ls "$ric"/aws-lambda-java-runtime-interface-client-*.jar >/dev/null 2>&1 \
    || die "no runtime interface client in $ric: build samples/local-stack first (-pl functions/api -am does)"
case "$(uname -m)" in
    x86_64) jni=linux-x86_64 ;;
    aarch64) jni=linux-aarch_64 ;;
    *) die "unsupported architecture $(uname -m) (Lambda has x86_64 and arm64)" ;;
esac

rm -rf "$out" "$zip"
mkdir -p "$task/app/lib" "$task/runtime"
cp "$runner" "$task/app/edgeledger-api.jar"
cp "$target"/lib/*.jar "$task/app/lib/"
cp "$ric"/*.jar "$task/runtime/"
(cd "$out" && "$jdk/bin/jar" --extract --file "$(ls "$task"/runtime/aws-lambda-java-runtime-interface-client-*.jar)" \
    "jni/libaws-lambda-jni.$jni.so" && mv "jni/libaws-lambda-jni.$jni.so" "$task/runtime/libaws-lambda-jni.so" && rmdir jni)

# Modules: what jdeps finds in every class of the package. jdeps stops at libraries whose module-info names modules
# it cannot see, so the classes are read from one merged jar without module descriptors. jdk.compiler comes only from
# vertx-codegen's annotation processor (never run here); jdk.zipfs, jdk.crypto.ec and jdk.naming.dns are looked up by
# name at run time (Quarkus' zip file system, TLS, DNS), which jdeps cannot see.
python3 - "$out/all-classes.jar" "$task/app/edgeledger-api.jar" "$task"/app/lib/*.jar "$task"/runtime/*.jar <<'PY'
import sys, zipfile
out, jars = sys.argv[1], sys.argv[2:]
seen = set()
with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
    for j in jars:
        with zipfile.ZipFile(j) as src:
            for e in src.infolist():
                n = e.filename
                if n.endswith(".class") and not n.endswith("module-info.class") and n not in seen:
                    seen.add(n)
                    dst.writestr(n, src.read(n))
PY
mods=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$major" "$out/all-classes.jar")
mods=$(echo "$mods,jdk.zipfs,jdk.crypto.ec,jdk.naming.dns" | tr ',' '\n' | grep -vx jdk.compiler | sort -u | paste -sd, -)
rm "$out/all-classes.jar"
echo "lambda-aot: runtime modules: $mods" >&2
"$jdk/bin/jlink" --add-modules "$mods" --output "$task/jdk" --strip-debug --no-header-files --no-man-pages \
    || die "jlink failed"
# jlink from a run-time image writes only JAVA_VERSION and MODULES to release; infra reads OS_ARCH (the function's
# architecture) and the JDK build is worth knowing in a deployed package
grep -E '^(IMPLEMENTOR|IMPLEMENTOR_VERSION|JAVA_RUNTIME_VERSION|LIBC|OS_ARCH|OS_NAME)=' "$jdk/release" >> "$task/jdk/release"
grep -q '^OS_ARCH=' "$task/jdk/release" || die "$jdk/release names no OS_ARCH: infra could not tell the function's architecture"
# jlink links each module's legal notices to java.base's; the zip carries plain files
find "$task/jdk/legal" -type l -exec sh -c 'cp --remove-destination "$(readlink -f "$1")" "$1"' _ {} \;

# The class path in a fixed order (the AOT cache is used only with the class path it was trained with): the client
# first, as on the managed runtime's system class path; the runner jar's manifest adds app/lib/*.
cp_list=
for j in $(cd "$task/runtime" && ls *.jar | sort); do cp_list="$cp_list\$task/runtime/$j:"; done
sed "s|@CLASSPATH@|${cp_list}\$task/app/edgeledger-api.jar|" "$here/bootstrap" > "$task/bootstrap"
chmod 0755 "$task/bootstrap"

# One time for every file, before training: the AOT cache records each jar's size and modification time and is used
# only while they match. The zip stores this time (DOS time in UTC, and exactly in an extended-timestamp field), and
# Lambda's unzip restores it in /var/task; an even second survives the DOS format's 2-second steps.
stamp=${SOURCE_DATE_EPOCH:-$(date +%s)}
stamp=$(( stamp - stamp % 2 ))
[ -z "$(find "$task" -type l)" ] || die "symbolic links in $task: the zip would carry their targets' contents twice"
find "$task" -exec touch -h -d "@$stamp" {} +

# Training: the package as Lambda runs it, answering events that need no data store (Redis is a closed port, so
# /health takes its 503 path): start-up, routing, JSON, the error mappers, static files and the OpenAPI document.
"$jdk/bin/java" -cp "$training_cp" io.edgeledger.local.lambda.TrainingRun --task-root "$task" --handler "$handler" \
    --sandbox "$out/training" --memory 1024 \
    --set "EDGELEDGER_AOT_CACHE_OUTPUT=$task/api.aot" --set EDGELEDGER_REDIS_URL=redis://127.0.0.1:9 \
    --http "GET /health" --http "GET /q/openapi" --http "GET /console/" --http "GET /v1/probes" \
    --http "GET /v1/no-such-endpoint" --http "GET /health" >&2 \
    || { tail -n 40 "$out/training/training.log" >&2; die "the training run failed (log: $out/training/training.log)"; }
[ -s "$task/api.aot" ] || { tail -n 40 "$out/training/training.log" >&2; die "the training run wrote no AOT cache (log: $out/training/training.log)"; }

touch -d "@$stamp" "$task/api.aot" "$task"
python3 - "$zip" "$task" "$stamp" <<'PY'
import os, struct, sys, time, zipfile
zip_path, root, stamp = sys.argv[1], sys.argv[2], int(sys.argv[3])
# Info-ZIP's extended timestamp (0x5455): flags=1 (modification time), the time in UTC seconds
extended = struct.pack("<HHBl", 0x5455, 5, 1, stamp)
with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            info = zipfile.ZipInfo(os.path.relpath(path, root), date_time=time.gmtime(stamp)[:6])
            info.external_attr = (os.stat(path).st_mode & 0xFFFF) << 16   # the Unix mode: bootstrap, jdk/bin/* stay 0755
            info.compress_type = zipfile.ZIP_DEFLATED
            info.extra = extended
            with open(path, "rb") as f:
                z.writestr(info, f.read(), compresslevel=6)
PY
unpacked=$(du -sm "$task" | cut -f1)
# Lambda's limit for a package uploaded through S3 (as the CDK does) is 250 MB unzipped
[ "$unpacked" -lt 250 ] || die "the package unpacks to $unpacked MB, over Lambda's 250 MB"
echo "lambda-aot: $zip ($(du -m "$zip" | cut -f1) MB, $unpacked MB unpacked: jdk $(du -sm "$task/jdk" | cut -f1), cache $(du -m "$task/api.aot" | cut -f1))" >&2
