package io.edgeledger.local.lambda;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How Lambda starts a function's process, by the template's Runtime: the managed java21 runtime (AWS's runtime
 * interface client, provided by Lambda, loads the zip's handler) or a custom runtime (provided.al2023: Lambda runs the
 * zip's own {@code bootstrap}, which must implement the Runtime API itself).
 */
sealed interface LambdaRuntime permits ManagedJavaRuntime, CustomRuntime {

    /** The process to start, with the task root (the unpacked zip) as its working directory. */
    List<String> command(TemplateFunction function, Path taskRoot);

    /** What Lambda itself sets for this kind of runtime (AWS_EXECUTION_ENV, LAMBDA_RUNTIME_DIR). */
    Map<String, String> environment(TemplateFunction function);

    /** @param runtimeLib the managed runtime's jars (samples/local-stack/target/lambda-runtime); unused by a custom runtime */
    static LambdaRuntime of(TemplateFunction function, Path runtimeLib, Path sandbox) {
        if (function.isManagedJava()) {
            return ManagedJavaRuntime.at(runtimeLib);
        }
        if (function.isCustomRuntime()) {
            return new CustomRuntime(sandbox.resolve("runtime"));
        }
        throw new IllegalArgumentException(function.name() + " runs on " + function.runtime()
                + ": the emulator runs java* (managed) and provided.* (custom, a bootstrap in the zip) runtimes");
    }
}
