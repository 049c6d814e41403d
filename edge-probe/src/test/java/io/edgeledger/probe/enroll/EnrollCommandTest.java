package io.edgeledger.probe.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.edgeledger.probe.EdgeProbe;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.json.ProbeJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enroll CLI against a stand-in for POST /v1/enroll (the real API is exercised by the package test). */
class EnrollCommandTest {
    static final String TOKEN = "elt_0123456789ab_" + "f".repeat(64);

    @TempDir
    Path config;

    private HttpServer api;
    private final AtomicReference<JsonNode> received = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status = 201;
    private volatile String answer = "{\"probe_id\":\"p-abc\",\"secret\":\"eps_s3cr3t\",\"probe\":{\"name\":\"edge-h\"}}";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/v1/enroll", ex -> {
            calls.incrementAndGet();
            received.set(ProbeJson.mapper().readTree(ex.getRequestBody()));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        api.start();
        Files.writeString(config.resolve("edge-probe.yaml"), "hostname: h\n");
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(savedErr);
        api.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    private int enroll(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("enroll", "--api", url(), "--token", TOKEN,
                "--config", config.toString(), "--no-start"));
        args.addAll(List.of(extra));
        return EdgeProbe.commandLine().execute(args.toArray(String[]::new));
    }

    @Test
    void writesTheSecretAndEnrollmentFileThatTheDaemonLoads() throws Exception {
        assertThat(enroll("--tag", "rack:7", "--name", "edge-h")).isZero();
        JsonNode sent = received.get();
        assertThat(sent.path("token").asText()).isEqualTo(TOKEN);
        assertThat(sent.path("hostname").asText()).isNotEmpty();
        assertThat(sent.path("version").asText()).isNotEmpty();
        assertThat(sent.path("name").asText()).isEqualTo("edge-h");
        assertThat(sent.path("tags").get(0).asText()).isEqualTo("rack:7");

        Path secret = config.resolve("secret");
        assertThat(Files.readString(secret).trim()).isEqualTo("eps_s3cr3t");
        assertThat(Files.getPosixFilePermissions(secret)).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        AgentConfig loaded = ConfigLoader.load(config, BuiltInChecks.NAMES);
        assertThat(loaded.probeId()).isEqualTo("p-abc");
        assertThat(loaded.backendUrl().toString()).isEqualTo(url());
        assertThat(loaded.secretFile()).isEqualTo(secret);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN).doesNotContain("eps_s3cr3t");
    }

    @Test
    void aRefusalPrintsTheApiMessageAndWritesNothing() {
        status = 403;
        answer = "{\"code\":\"enrollment_token_used\",\"message\":\"enrollment token 0123456789ab was already used\"}";
        assertThat(enroll()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 403").contains("enrollment_token_used")
                .contains("was already used").doesNotContain(TOKEN);
        assertThat(config.resolve("secret")).doesNotExist();
        assertThat(config.resolve("enrollment.yaml")).doesNotExist();
    }

    @Test
    void anEnrolledHostIsLeftAloneUnlessForced() {
        assertThat(enroll()).isZero();
        assertThat(enroll()).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(enroll("--force")).isZero();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void badUsageIsExitTwo() {
        assertThat(EdgeProbe.commandLine().execute("enroll", "--api", "http://api.example.com", "--token", TOKEN,
                "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("https");
        assertThat(enroll("--tag", "novalue")).isEqualTo(2);
        assertThat(calls.get()).isZero();
    }
}
