# Sourced by the launchers: builds a module (and what it depends on) when its jar is missing or older
# than its main sources, the wire's or core's, or its pom. Builds share one lock, so parallel launches wait
# instead of writing the same target/ at once.

el_ensure_built() { # REPO MODULE JAR [NAME]: NAME prefixes the messages
    local repo=$1 module=$2 jar=$3 name=${4:-edgeledger}
    if [ -f "$jar" ] && [ -d "$(dirname "$jar")/lib" ] && \
       [ -z "$(cd "$repo" && find "$module/src/main" "$module/pom.xml" wire/src/main functions/core/src/main -newer "$jar" -print -quit 2>/dev/null)" ]; then
        return 0
    fi
    echo "$name: building $module..." >&2
    # quarkus.generate-code.skip: in a partial reactor (-pl -am) Quarkus' test-mode code generation (generate-code-tests)
    # looks the other modules up in ~/.m2, not the reactor, so on a fresh clone it fails ("Failed to resolve artifact
    # io.edgeledger:edgeledger-core"). We have no code generators; the packaged application is unchanged.
    (cd "$repo" && flock /tmp/edgeledger-build.lock ./mvnw -q -B -pl "$module" -am package -DskipTests \
        -Dquarkus.generate-code.skip=true >&2) || {
        echo "$name: the build of $module failed; run ./edgeledger build to see why" >&2
        exit 1
    }
}
