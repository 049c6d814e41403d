package io.edgeledger.probe.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.agent.custom.CustomChecks;
import io.edgeledger.probe.forwarder.TestCertificates;
import io.edgeledger.probe.forwarder.TestIngestServer;
import io.edgeledger.testing.Eventually;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: custom checks from jars the test compiles: the sample from samples/custom-check runs and delivers its
 * metric and service check; one that throws, one that never returns and one that leaks a thread are each reported
 * while the agent and the good check keep running.
 */
class CustomChecksTest {
    static final String SERVICE = "META-INF/services/io.edgeledger.probe.agent.check.Check";

    @TempDir
    Path dir;

    /** Compiles {@code sources} (class name -> source) against the probe's classes and writes a check jar. */
    static void buildJar(Path jar, Map<String, String> sources, Path work) throws Exception {
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "-cp",
                Path.of("target/classes").toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path")));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(SERVICE));
            out.write(String.join("\n", sources.keySet()).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private static String check(String className, String name, String body) {
        return """
                package test.checks;
                import io.edgeledger.probe.agent.check.*;
                import io.edgeledger.probe.agent.config.*;
                import java.nio.file.*;
                public final class %s extends BaseCheck {
                    Path stop;
                    public %s() { super("%s"); }
                    @Override protected void configureInstance(ConfigNode i, ConfigNode c) throws ConfigException {
                        stop = Path.of(c.requiredString("stop_file"));
                    }
                    @Override protected void collect(Sender sender) throws Exception { %s }
                }
                """.formatted(className, className, name, body);
    }

    @Test
    void aSampleCheckJarRunsAndThrowingHangingLeakingJarsAreReportedWithoutHarm() throws Exception {
        Path checksD = Files.createDirectories(dir.resolve("checks.d"));
        Path stop = dir.resolve("stop");
        String sample = Files.readString(Path.of("../samples/custom-check/src/com/example/checks/FileAgeCheck.java"));
        buildJar(checksD.resolve("file_age.jar"), Map.of("com.example.checks.FileAgeCheck", sample), dir.resolve("w1"));
        buildJar(checksD.resolve("bad.jar"), Map.of(
                "test.checks.Thrower", check("Thrower", "thrower", "throw new IllegalStateException(\"boom\");"),
                "test.checks.Leaky", check("Leaky", "leaky", """
                        Thread.ofPlatform().daemon().name("leaked-by-check").start(() -> {
                            while (!Files.exists(stop)) { try { Thread.sleep(50); } catch (InterruptedException e) { } }
                        });""")), dir.resolve("w2"));
        buildJar(checksD.resolve("hang.jar"), Map.of("test.checks.Hanger", check("Hanger", "hanger", """
                while (!Files.exists(stop)) { try { Thread.sleep(50); } catch (InterruptedException e) { } }""")),
                dir.resolve("w3"));
        Files.writeString(checksD.resolve("broken.jar"), "not a jar");

        Path watched = Files.writeString(dir.resolve("backup.dump"), "x");
        for (String name : List.of("thrower", "leaky", "hanger")) {
            Files.createDirectories(dir.resolve("conf.d/" + name + ".d"));
            Files.writeString(dir.resolve("conf.d/" + name + ".d/conf.yaml"), """
                    instances:
                      - stop_file: %s
                        min_collection_interval: 1
                        run_timeout: 1
                    """.formatted(stop));
        }
        Files.createDirectories(dir.resolve("conf.d/file_age.d"));
        Files.writeString(dir.resolve("conf.d/file_age.d/conf.yaml"), """
                instances:
                  - path: %s
                    max_age_seconds: 3600
                    min_collection_interval: 1
                """.formatted(watched));

        TestCertificates certs = TestCertificates.shared();
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret")) {
            TestAgentConfig.write(dir, server.uri(), certs, "h-custom",
                    "dogstatsd: {enabled: false}\nhealth: {port: 0}\njobs: {enabled: false}\n");
            CustomChecks custom = CustomChecks.discover(checksD, BuiltInChecks.NAMES);
            assertThat(custom.problems()).singleElement().asString().contains("broken.jar");
            AgentConfig cfg = ConfigLoader.load(dir, custom.namesWith(BuiltInChecks.NAMES));
            try (Agent agent = new Agent(cfg, p -> null, Clock.systemUTC(), custom).start()) {
                Eventually.until("the thrower, the hanger and the leaker reported", () -> {
                    JsonNode checks = agent.status().path("checks");
                    return "error".equals(status(checks, "thrower").path("last_status").asText())
                            && status(checks, "hanger").path("totals").path("timeout").asLong() >= 1
                            && status(checks, "leaky").path("warnings").toString().contains("thread(s) started by bad.jar still running");
                });
                JsonNode checks = agent.status().path("checks");
                assertThat(status(checks, "thrower").path("last_error").asText())
                        .contains("thrower", "bad.jar", "IllegalStateException", "boom");
                assertThat(status(checks, "hanger").path("last_error").asText()).contains("timeout");
                assertThat(agent.status().path("custom_checks").path("problems").toString()).contains("broken.jar");

                // meanwhile the sample keeps running and delivering
                long okBefore = status(checks, "file_age").path("totals").path("ok").asLong();
                agent.flush();
                Eventually.until("the sample's metric and service check delivered", () ->
                        server.ingestedAt("/v1/ingest/metrics").stream().anyMatch(i -> i.body().toString().contains("file_age.seconds"))
                                && server.ingestedAt("/v1/ingest/check-runs").stream().anyMatch(i ->
                                        i.body().toString().contains("\"file_age.fresh\"")
                                                && i.body().toString().contains("edge_probe.thrower.can_run")));
                Eventually.until("the sample ran again after the failures", () -> status(agent.status().path("checks"),
                        "file_age").path("totals").path("ok").asLong() > okBefore + 1);
                JsonNode fresh = server.ingestedAt("/v1/ingest/check-runs").stream()
                        .flatMap(i -> java.util.stream.StreamSupport.stream(i.body().path("runs").spliterator(), false))
                        .filter(r -> r.path("check").asText().equals("file_age.fresh")).findFirst().orElseThrow();
                assertThat(fresh.path("status").asText()).isEqualTo("ok");
            } finally {
                Files.writeString(stop, "stop"); // lets the hung run and the leaked thread end
            }
        }
    }

    private static JsonNode status(JsonNode checks, String name) {
        for (JsonNode c : checks) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + checks);
    }
}
