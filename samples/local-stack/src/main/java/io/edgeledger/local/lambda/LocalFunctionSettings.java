package io.edgeledger.local.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the emulator runs every function.
 *
 * @param sandboxRoot    per function: the unpacked zip, each environment's /tmp, the log
 * @param runtimeLib     the managed runtime's jars (samples/local-stack/target/lambda-runtime)
 * @param overrides      endpoint settings and deploy-time values ({@link FunctionEnvironment})
 * @param bridges        variables the functions read today that the template cannot give them yet (a known gap
 *                       each, announced at start): set as they are, on every function
 * @param snapStart      start environments as SnapStart does (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start): the
 *                       runtime runs the beforeCheckpoint hooks (priming), asks for the restore, runs afterRestore
 * @param maxConcurrency environments per function without reserved concurrency in the template
 * @param initTimeoutMs  how long an environment may take to start (Lambda allows 10 s; a loaded test box needs more)
 */
public record LocalFunctionSettings(Path sandboxRoot, Path runtimeLib, Map<String, String> overrides,
                                    Map<String, String> bridges, boolean snapStart,
                                    int maxConcurrency, long initTimeoutMs) {
}
