package io.edgeledger.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS::Lambda::Function of the synthesized cloud assembly, as the emulator needs it.
 *
 * @param environment  the template's Environment.Variables, unresolved: a value is a string or an intrinsic
 *                     function that CloudFormation fills in at deploy time
 * @param localSecretArns the local ARN of each secret in the same template, by logical id (what {"Ref": id} is)
 */
public record TemplateFunction(
        String name,
        String logicalId,
        String stack,
        String handler,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        String logFormat,
        Optional<Integer> reservedConcurrency,
        boolean snapStart,
        JsonNode environment,
        Path zip,
        Map<String, String> localSecretArns) {

    /** The java21 managed runtime. */
    public boolean isManagedJava() {
        return runtime.startsWith("java");
    }

    /** provided.al2023: a custom runtime, the zip's own bootstrap (the JVM with its AOT cache, or a native build). */
    public boolean isCustomRuntime() {
        return runtime.startsWith("provided");
    }
}
