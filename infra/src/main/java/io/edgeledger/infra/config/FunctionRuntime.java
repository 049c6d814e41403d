package io.edgeledger.infra.config;

/**
 * How the function zips were built: {@code jvm} (the Quarkus JVM build on the managed java21 runtime, the one
 * tested here) or {@code native} (the Quarkus native executable as {@code bootstrap} on provided.al2023, built with
 * {@code -Dnative} in a container; not built by CI).
 */
public enum FunctionRuntime {
    JVM("jvm"),
    NATIVE("native");

    private final String id;

    FunctionRuntime(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
