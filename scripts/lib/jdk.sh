# Sourced by ./edgeledger and edge-probe/bin/edge-probe: picks a JDK 21+ and exports JAVA_HOME.
# Order: $JAVA_HOME if it is 21+, then the JDKs under /usr/lib/jvm (newest first), then java on PATH.

el_java_major() { # JAVA_BIN -> major version number, or nothing
    # The JDK's release file says it without starting a JVM (every launcher calls this: a JVM here cost each
    # `api serve` / `cdc` start ~0.1 s on a quiet machine); a JDK without one is asked the slow way.
    local release major
    release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" 2>/dev/null | head -n1)
    if [ -n "$major" ]; then
        echo "$major"
        return
    fi
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}

el_select_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
                     "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
        candidate=${candidate%/}
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(el_java_major "$candidate/bin/java")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            # Maven's bundled Guice uses sun.misc.Unsafe; JDK 24+ warns about it on every run.
            if [ "$major" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
                export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
            fi
            return 0
        fi
    done
    echo "edgeledger: no JDK 21 or newer found (checked \$JAVA_HOME, /usr/lib/jvm/*, java on PATH)." >&2
    echo "  Install one, e.g. 'apt-get install openjdk-21-jdk-headless' (or Temurin 21+), or point JAVA_HOME at it." >&2
    return 1
}
