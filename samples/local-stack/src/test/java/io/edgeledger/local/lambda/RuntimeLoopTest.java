package io.edgeledger.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator against AWS's real runtime interface client (target/lambda-runtime, as the build copies it): a zip
 * with one handler class, started in its own JVM, talking the Runtime API protocol.
 */
class RuntimeLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path zip;

    @BeforeAll
    static void zipTheHandler() throws IOException {
        Path classes = Path.of("target/test-classes");
        if (!Files.isDirectory(classes)) {
            classes = Path.of(System.getProperty("user.dir"), "target/test-classes");
        }
        Path root = classes;
        zip = dir.resolve("function.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(root.resolve("io/edgeledger/local/lambda/testfn"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry(root.relativize(f).toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
    }

    private static LocalFunction function(String handler, int timeoutSeconds, Map<String, String> overrides) {
        JsonNode env = JSON.createObjectNode().put("GREETING", "from the template").put("EDGELEDGER_HOME", "/tmp/edgeledger")
                .set("EDGELEDGER_S3_BUCKET", JSON.createObjectNode().put("Fn::ImportValue", "Stack:Bucket"));
        TemplateFunction f = new TemplateFunction("probe-fn", "ProbeFn", "Test", handler, "java21", 256, timeoutSeconds,
                "JSON", Optional.of(1), false, env, zip, Map.of());
        return new LocalFunction(f, new LocalFunctionSettings(dir.resolve("sandbox"), runtimeLib(), overrides, Map.of(),
                false, 1, 120_000));
    }

    private static Path runtimeLib() {
        Path lib = Path.of("target/lambda-runtime");
        return Files.isDirectory(lib) ? lib.toAbsolutePath() : Path.of(System.getProperty("user.dir"), "target/lambda-runtime");
    }

    private static final String HANDLER = "io.edgeledger.local.lambda.testfn.ProbeHandler::handleRequest";
    private static final Map<String, String> LOCAL = Map.of("EDGELEDGER_S3_BUCKET", "local-bucket",
            "EDGELEDGER_REDIS_URL", "redis://127.0.0.1:1");

    @Test
    void runsTheHandlerWithTheTemplatesEnvironmentAndTheRuntimeApiHeaders() throws Exception {
        try (LocalFunction fn = function(HANDLER, 30, LOCAL)) {
            long before = System.currentTimeMillis();
            InvocationResult first = fn.invoke("\"context\"".getBytes(StandardCharsets.UTF_8));
            assertThat(first.ok()).as(first.payloadText()).isTrue();
            JsonNode answer = JSON.readTree(first.payload());
            assertThat(answer.get("requestId").asText()).isEqualTo(first.requestId());
            // the deadline header: what the handler has left is the function's timeout minus what has passed
            assertThat(answer.get("remainingMs").asLong()).isBetween(1L, 30_000L);
            assertThat(answer.get("functionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:probe-fn");
            assertThat(answer.get("memoryMb").asInt()).isEqualTo(256);
            JsonNode env = answer.get("env");
            assertThat(env.get("GREETING").asText()).isEqualTo("from the template");
            assertThat(env.get("EDGELEDGER_S3_BUCKET").asText()).isEqualTo("local-bucket");
            assertThat(env.get("EDGELEDGER_REDIS_URL").asText()).isEqualTo("redis://127.0.0.1:1");
            assertThat(env.get("_HANDLER").asText()).isEqualTo(HANDLER);
            assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("probe-fn");
            assertThat(env.get("EDGELEDGER_HOME").asText()).endsWith("/edgeledger").doesNotStartWith("/tmp/edgeledger");
            assertThat(env.has("HOME")).as("nothing of the caller's environment leaks in").isFalse();
            assertThat(answer.get("cwd").asText()).isEqualTo(dir.resolve("sandbox/probe-fn/task").toString());

            InvocationResult second = fn.invoke("\"context\"".getBytes(StandardCharsets.UTF_8));
            assertThat(second.ok()).isTrue();
            assertThat(second.requestId()).isNotEqualTo(first.requestId());
            assertThat(fn.coldStart().firstAnswerNanos()).isPositive();
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void aThrowingHandlerIsAnErrorAndTheEnvironmentStaysWarm() throws Exception {
        try (LocalFunction fn = function(HANDLER, 30, LOCAL)) {
            InvocationResult failed = fn.invoke("\"fail\"".getBytes(StandardCharsets.UTF_8));
            assertThat(failed.ok()).isFalse();
            assertThat(failed.payloadText()).contains("boom from the handler").contains("IllegalStateException");
            assertThat(fn.invoke("\"context\"".getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
        }
    }

    @Test
    void anEventPastTheTimeoutEndsTheEnvironmentAndTheNextEventStartsAFreshOne() throws Exception {
        try (LocalFunction fn = function(HANDLER, 2, LOCAL)) {
            InvocationResult timedOut = fn.invoke("\"sleep\"".getBytes(StandardCharsets.UTF_8));
            assertThat(timedOut.errorType()).isEqualTo("Sandbox.Timedout");
            assertThat(timedOut.payloadText()).contains("Task timed out after 2.00 seconds");
            InvocationResult exited = fn.invoke("\"exit\"".getBytes(StandardCharsets.UTF_8));
            assertThat(exited.errorType()).isEqualTo("Runtime.ExitError");
            assertThat(fn.invoke("\"context\"".getBytes(StandardCharsets.UTF_8)).ok()).isTrue();
        }
    }

    @Test
    void aHandlerThatCannotBeLoadedFailsTheEventNamingIt() throws Exception {
        // The client reports a missing class either as an init error (the environment never starts) or, loading the
        // handler lazily, as the event's error: either way the event fails and the message names the class.
        try (LocalFunction fn = function("io.edgeledger.NoSuchHandler::handleRequest", 30, LOCAL)) {
            String message;
            try {
                InvocationResult result = fn.invoke("\"context\"".getBytes(StandardCharsets.UTF_8));
                assertThat(result.ok()).isFalse();
                message = result.payloadText();
            } catch (FunctionStartException e) {
                message = e.getMessage();
            }
            assertThat(message).contains("NoSuchHandler");
        }
    }

    @Test
    void aDeployTimeValueWithoutALocalValueOrALiteralOverriddenIsRefused() {
        assertThatThrownBy(() -> function(HANDLER, 30, Map.of()).invoke(new byte[0]))
                .hasMessageContaining("EDGELEDGER_S3_BUCKET is a deploy-time value");
        assertThatThrownBy(() -> function(HANDLER, 30, Map.of("EDGELEDGER_S3_BUCKET", "b", "GREETING", "x")).invoke(new byte[0]))
                .hasMessageContaining("GREETING is 'from the template' in the template and is not an endpoint");
    }
}
