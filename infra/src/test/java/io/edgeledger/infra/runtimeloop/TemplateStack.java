package io.edgeledger.infra.runtimeloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.infra.EdgeLedgerStacks;
import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.infra.config.ContextConfigReader;
import io.edgeledger.infra.config.InfraConfig;
import io.edgeledger.local.lambda.CloudAssembly;
import io.edgeledger.local.lambda.HttpApiFront;
import io.edgeledger.local.lambda.LocalFunction;
import io.edgeledger.local.lambda.LocalFunctionSettings;
import io.edgeledger.local.lambda.TemplateFunction;
import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.nearemu.EmulatorOptions;
import io.edgeledger.nearemu.NearEmulator;
import io.edgeledger.testing.EmbeddedS3;
import io.edgeledger.testing.RedisServer;
import io.edgeledger.wire.CallbackSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awscdk.App;

/**
 * A synthesized stage whose functions run under samples/local-stack's runtime loop as Lambda would run them (the
 * template's handler, runtime and environment; only endpoints and deploy-time values given locally) against TLS-only
 * Redis (a CA made here), the S3 API, the local Secrets Manager (the template's secrets under the ARNs its references
 * resolve to) and the NEAR emulator; and the steps of the story the runtime-loop tests share.
 */
final class TemplateStack implements AutoCloseable {
    static final String LEDGER_BUCKET = "story-ledger";
    static final String ARCHIVE_BUCKET = "story-archive";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path repo;
    final Path dir;
    final String stage;
    final CloudAssembly assembly;
    final NearEmulator near;
    final RedisServer redis;
    final EmbeddedS3 s3;
    final LocalSecretsManager secrets;
    final String apiSecretArn;
    private final LocalFunctionSettings settings;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpApiFront front;

    /** Where a module's build output is (-Del.buildDir), under the repository root. */
    static Path built(String module, String file) {
        return FunctionZips.findRepoRoot(Path.of("")).resolve(module + "/" + System.getProperty("edgeledger.buildDir", "target") + "/" + file);
    }

    /** Skips the test class, saying what to build, unless the zips and the managed runtime's jars are there. */
    static void assumeBuilt(FunctionZips zips, String how) {
        Assumptions.assumeTrue(Files.isRegularFile(zips.api()) && Files.isRegularFile(zips.cdc())
                && Files.isDirectory(built("samples/local-stack", "lambda-runtime")), how);
    }

    TemplateStack(Path dir, String stage, Map<String, Object> context, FunctionZips zips) throws Exception {
        this.dir = dir;
        this.stage = stage;
        this.repo = FunctionZips.findRepoRoot(Path.of(""));
        Path cdkOut = dir.resolve("cdk.out");
        Map<String, Object> withStage = new HashMap<>(context);
        withStage.put("stage", stage);
        App app = App.Builder.create().context(withStage).outdir(cdkOut.toString()).build();
        InfraConfig config = ContextConfigReader.read(app.getNode()::tryGetContext);
        EdgeLedgerStacks.create(app, config, zips);
        app.synth();
        assembly = CloudAssembly.read(cdkOut);

        // The emulator answers as the contract and signer the template names, so those values are used as they are.
        JsonNode minterEnv = fn("near-minter").environment();
        near = NearEmulator.start(EmulatorOptions.defaults().withAccounts(minterEnv.get("EDGELEDGER_NEAR_CONTRACT").asText(),
                minterEnv.get("EDGELEDGER_NEAR_ACCOUNT").asText()).withCredentialsDir(dir.resolve("near")));
        redis = RedisServer.startTls();
        s3 = EmbeddedS3.start(Files.createDirectories(dir.resolve("s3")));
        s3.createBucket(LEDGER_BUCKET);
        s3.createBucket(ARCHIVE_BUCKET);

        // The secrets the template creates, under the ARNs its {"Ref": secret} resolve to here (CloudAssembly.localSecretArn):
        // the minter's signer key (the near-cli file the emulator funded) and the API's pepper.
        secrets = LocalSecretsManager.start(0, CloudAssembly.LOCAL_REGION, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
        secrets.put(new LocalSecretsManager.Secret("edgeledger-" + stage + "/near-signer", Files.readString(near.credentialsFile()), false));
        secrets.put(new LocalSecretsManager.Secret("edgeledger-" + stage + "/api",
                "{\"operator_key_pepper\":\"" + UUID.randomUUID() + "\"}", false));
        apiSecretArn = fn("api").localSecretArns().get(fn("api").environment().get("EDGELEDGER_API_SECRET_ARN").get("Ref").asText());
        assertThat(apiSecretArn).isEqualTo(CloudAssembly.localSecretArn("edgeledger-" + stage + "/api"));

        Map<String, String> local = new LinkedHashMap<>();
        local.put("EDGELEDGER_REDIS_URL", redis.url());
        local.put("EDGELEDGER_REDIS_CA_FILE", redis.caFile().toString());
        local.put("EDGELEDGER_S3_BUCKET", LEDGER_BUCKET);
        local.put("EDGELEDGER_ARCHIVE_BUCKET", ARCHIVE_BUCKET);
        local.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        local.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
        local.put("EDGELEDGER_NEAR_RPC", near.url().toString());
        local.put("AWS_ACCESS_KEY_ID", EmbeddedS3.ACCESS_KEY);
        local.put("AWS_SECRET_ACCESS_KEY", EmbeddedS3.SECRET_KEY);
        settings = new LocalFunctionSettings(dir.resolve("sandbox"), built("samples/local-stack", "lambda-runtime").toAbsolutePath(),
                local, Map.of(), false, 2, 300_000);
    }

    TemplateFunction fn(String suffix) {
        return assembly.function("edgeledger-" + stage + "-" + suffix);
    }

    /** The function of the template, ready to take events (its first one starts it). */
    LocalFunction function(String suffix) {
        LocalFunction f = new LocalFunction(fn(suffix), settings);
        running.add(f);
        return f;
    }

    /** The HTTP API in front of {@code api}: requests of this class go there. */
    void front(LocalFunction api) throws Exception {
        front = new HttpApiFront(api, "127.0.0.1", 0);
        running.add(front);
    }

    /**
     * The operator's first step in docs/deploy.md: `api create-key`, run from the API's build against the same TLS
     * Redis, hashing with the pepper of the API's secret.
     */
    String createOperatorKey() throws Exception {
        Path jar = built("functions/api", "edgeledger-api-0.1.0-SNAPSHOT-runner.jar");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", jar.toString(),
                "io.edgeledger.api.local.CreateKey", "--name", "story", "--redis", redis.url())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("create-key.log").toFile()));
        pb.environment().putAll(Map.of("EDGELEDGER_REDIS_CA_FILE", redis.caFile().toString(),
                "EDGELEDGER_API_SECRET_ARN", apiSecretArn,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString(), "AWS_REGION", CloudAssembly.LOCAL_REGION,
                "AWS_ACCESS_KEY_ID", EmbeddedS3.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", EmbeddedS3.SECRET_KEY));
        Process p = pb.start();
        String key = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as("create-key (log: " + dir.resolve("create-key.log") + ")").isZero();
        return key;
    }

    /** A probe enrolled by the operator, one signed metrics batch ingested, then found by the operator's query. */
    void enrollAndIngestSignedMetrics(String operatorKey) throws Exception {
        HttpResponse<String> enrolled = send("POST", "/v1/probes", operatorKey, "{\"name\":\"story\",\"hostname\":\"edge-1\"}", Map.of());
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        JsonNode probe = JSON.readTree(enrolled.body());
        String probeId = probe.get("probe_id").asText();

        long ts = Instant.now().getEpochSecond();
        String metrics = "{\"batch_id\":\"story-" + UUID.randomUUID() + "\",\"series\":[{\"metric\":\"story.cpu\",\"points\":[["
                + ts + ",42.5]],\"tags\":[\"probe:" + probeId + "\"],\"host\":\"edge-1\",\"type\":\"gauge\",\"interval\":15}]}";
        byte[] body = metrics.getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = new CallbackSignature(probe.get("secret").asText())
                .headers(probeId, Instant.now(), UUID.randomUUID().toString().replace("-", ""), "POST", "/v1/ingest/metrics", body);
        HttpResponse<String> ingested = send("POST", "/v1/ingest/metrics", null, metrics, signed);
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(202);
        HttpResponse<String> queried = get("/v1/metrics?name=story.cpu", operatorKey);
        assertThat(queried.statusCode()).as(queried.body()).isEqualTo(200);
        assertThat(queried.body()).contains("42.5");
    }

    HttpResponse<String> get(String path, String operatorKey) throws Exception {
        return send("GET", path, operatorKey, null, Map.of());
    }

    HttpResponse<String> send(String method, String path, String operatorKey, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + path))
                .timeout(java.time.Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (operatorKey != null) {
            b.header("Authorization", "Bearer " + operatorKey);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(running.reversed());
        all.addAll(List.of(near, secrets, s3, redis));
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }
}
