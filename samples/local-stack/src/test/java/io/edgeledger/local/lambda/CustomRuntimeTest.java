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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provided.al2023 as Lambda runs it: the zip's own {@code bootstrap} (executable by the zip's Unix mode) started in the
 * task root, talking the Runtime API itself. The bootstrap here starts AWS's runtime interface client with the test
 * handler, as the API's custom-runtime package does with its own JDK.
 */
class CustomRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = "io.edgeledger.local.lambda.testfn.ProbeHandler::handleRequest";
    @TempDir
    Path dir;

    @Test
    void theZipsBootstrapRunsTheFunctionWithTheTemplatesEnvironment() throws Exception {
        Path zip = zip(bootstrapScript(), 0755, true);
        try (LocalFunction fn = function(zip)) {
            InvocationResult result = fn.invoke("\"context\"".getBytes(StandardCharsets.UTF_8));
            assertThat(result.ok()).as(result.payloadText() + " (log: " + fn.log() + ")").isTrue();
            JsonNode env = JSON.readTree(result.payload()).get("env");
            assertThat(env.get("GREETING").asText()).isEqualTo("from the template");
            assertThat(env.get("_HANDLER").asText()).isEqualTo(HANDLER);
            assertThat(env.get("LAMBDA_TASK_ROOT").asText()).isEqualTo(dir.resolve("sandbox/custom-fn/task").toString());
            assertThat(env.has("AWS_EXECUTION_ENV")).as("Lambda sets none for OS-only runtimes").isFalse();
            assertThat(fn.invoke("\"fail\"".getBytes(StandardCharsets.UTF_8)).payloadText()).contains("boom from the handler");
        }
    }

    @Test
    void aBootstrapThatIsNotExecutableOrMissingIsAnInvalidEntrypoint() throws Exception {
        Path notExecutable = zip(bootstrapScript(), 0644, true);
        try (LocalFunction fn = function(notExecutable)) {
            assertThatThrownBy(() -> fn.invoke(new byte[0])).isInstanceOf(FunctionStartException.class)
                    .hasMessageContaining("Runtime.InvalidEntrypoint").hasMessageContaining("not executable");
        }
        Path none = zip(bootstrapScript(), 0755, false);
        try (LocalFunction fn = function(none)) {
            assertThatThrownBy(() -> fn.invoke(new byte[0])).isInstanceOf(FunctionStartException.class)
                    .hasMessageContaining("Couldn't find valid bootstrap");
        }
    }

    private LocalFunction function(Path zip) {
        JsonNode env = JSON.createObjectNode().put("GREETING", "from the template");
        TemplateFunction f = new TemplateFunction("custom-fn", "CustomFn", "Test", HANDLER, "provided.al2023", 256, 30,
                "JSON", Optional.of(1), false, env, zip, Map.of());
        return new LocalFunction(f, new LocalFunctionSettings(dir.resolve("sandbox"), null, Map.of(), Map.of(), false, 1, 120_000));
    }

    /** The managed runtime's own java command (the client, its flags), the handler taken from _HANDLER as Lambda gives it. */
    private String bootstrapScript() {
        TemplateFunction probe = new TemplateFunction("x", "X", "T", "HANDLER", "java21", 256, 30, "JSON", Optional.empty(), false,
                JSON.createObjectNode(), null, Map.of());
        List<String> command = new ArrayList<>(ManagedJavaRuntime.at(runtimeLib()).command(probe, dir));
        command.set(command.size() - 1, "\"$_HANDLER\"");
        return "#!/bin/sh\nexec " + String.join(" ", command.stream().map(a -> a.startsWith("\"") ? a : "'" + a + "'").toList()) + "\n";
    }

    /** The handler's classes, and (when asked) a bootstrap with that Unix mode. */
    private Path zip(String bootstrap, int mode, boolean withBootstrap) throws IOException {
        Path zip = Files.createTempFile(dir, "custom", ".zip");
        Path classes = testClasses();
        try (OutputStream out = Files.newOutputStream(zip); ZipArchiveOutputStream z = new ZipArchiveOutputStream(out);
             Stream<Path> files = Files.walk(classes.resolve("io/edgeledger/local/lambda/testfn"))) {
            if (withBootstrap) {
                ZipArchiveEntry entry = new ZipArchiveEntry("bootstrap");
                entry.setUnixMode(0100000 | mode);
                z.putArchiveEntry(entry);
                z.write(bootstrap.getBytes(StandardCharsets.UTF_8));
                z.closeArchiveEntry();
            }
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putArchiveEntry(new ZipArchiveEntry(classes.relativize(f).toString()));
                z.write(Files.readAllBytes(f));
                z.closeArchiveEntry();
            }
        }
        return zip;
    }

    private static Path testClasses() {
        Path classes = Path.of("target/test-classes");
        return Files.isDirectory(classes) ? classes : Path.of(System.getProperty("user.dir"), "target/test-classes");
    }

    private static Path runtimeLib() {
        Path lib = Path.of("target/lambda-runtime");
        return Files.isDirectory(lib) ? lib.toAbsolutePath() : Path.of(System.getProperty("user.dir"), "target/lambda-runtime");
    }
}
