package io.edgeledger.infra.config;

/**
 * How the function zips were built, {@code -c functionRuntime=...}:
 * <ul>
 * <li>{@code jvm}: the Quarkus JVM build on the managed java21 runtime (SnapStart on by default), the default;
 * <li>{@code jvm-aot}: the API on Lambda's custom runtime (provided.al2023) with its own jlinked JDK 25 and an AOT cache
 * trained at build time (functions/api {@code -Dlambda-aot}: target/function-aot.zip), for an on-demand cold start
 * without SnapStart; the CDC functions stay on java21 (scheduled, so their start is no one's wait);
 * <li>{@code native}: the Quarkus native executable as {@code bootstrap} on provided.al2023 for all three, built with
 * {@code -Dnative} in a container; not built by CI.
 * </ul>
 */
public enum FunctionRuntime {
    JVM("jvm"),
    JVM_AOT("jvm-aot"),
    NATIVE("native");

    private final String id;

    FunctionRuntime(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** What the CDC functions run on with this choice: jvm-aot is for the API only. */
    public FunctionRuntime forCdc() {
        return this == JVM_AOT ? JVM : this;
    }

    /** Lambda's managed java21 runtime (the only one with SnapStart here); the others are provided.al2023. */
    public boolean managedJava() {
        return this == JVM;
    }
}
