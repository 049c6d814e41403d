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
import io.edgeledger.local.lambda.InvocationResult;
import io.edgeledger.local.lambda.LocalFunction;
import io.edgeledger.local.lambda.LocalFunctionSettings;
import io.edgeledger.local.lambda.ScheduledEvents;
import io.edgeledger.local.lambda.TemplateFunction;
import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.nearemu.EmulatorOptions;
import io.edgeledger.nearemu.NearEmulator;
import io.edgeledger.testing.EmbeddedS3;
import io.edgeledger.testing.RedisServer;
import io.edgeledger.wire.CallbackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/**
 * The template is the contract, run: the app is synthesized with the real function zips, and each function runs as
 * Lambda would run it (samples/local-stack's Runtime API emulator, AWS's runtime interface client, the handler and
 * environment of the template) against TLS-only Redis (a CA made here), the S3 API, the local Secrets Manager (the
 * template's signer and API secrets, by the ARNs the template's references resolve to) and the NEAR emulator. Only
 * endpoints and deploy-time values are given locally. The story: an operator key, a probe enrolled, signed metrics
 * ingested and queried, the sample Debezium events sealed by the batcher, minted by the minter, and a row verified
 * through the HTTP API.
 *
 * <p>Needs the packaged functions (function.zip) and local-stack (target/lambda-runtime): `./edgeledger test`
 * (mvn verify of the whole reactor) has them; a partial build skips this class and says why.
 */
class TemplateUnderRuntimeLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAGE = "story";
    private static final String LEDGER_BUCKET = "story-ledger";
    private static final String ARCHIVE_BUCKET = "story-archive";

    @TempDir
    static Path dir;
    static Path repo;
    static RedisServer redis;
    static EmbeddedS3 s3;
    static NearEmulator near;
    static LocalSecretsManager secrets;
    static String apiSecretArn;
    static CloudAssembly assembly;
    static final List<AutoCloseable> running = new ArrayList<>();
    static LocalFunction api;
    static HttpApiFront front;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void synthesizeAndStart() throws Exception {
        repo = FunctionZips.findRepoRoot(Path.of(""));
        String buildDir = System.getProperty("edgeledger.buildDir", "target");
        Path runtimeLib = repo.resolve("samples/local-stack/" + buildDir + "/lambda-runtime");
        FunctionZips zips = new FunctionZips(repo.resolve("functions/api/" + buildDir + "/function.zip"),
                repo.resolve("functions/cdc/" + buildDir + "/function.zip"));
        Assumptions.assumeTrue(Files.isRegularFile(zips.api()) && Files.isRegularFile(zips.cdc()) && Files.isDirectory(runtimeLib),
                "the function zips and samples/local-stack's lambda-runtime are not built (run ./edgeledger build, or "
                        + "./edgeledger test which packages every module before infra's tests)");

        Path cdkOut = dir.resolve("cdk.out");
        App app = App.Builder.create().context(Map.of("stage", STAGE)).outdir(cdkOut.toString()).build();
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
        secrets.put(new LocalSecretsManager.Secret("edgeledger-" + STAGE + "/near-signer", Files.readString(near.credentialsFile()), false));
        secrets.put(new LocalSecretsManager.Secret("edgeledger-" + STAGE + "/api",
                "{\"operator_key_pepper\":\"" + UUID.randomUUID() + "\"}", false));
        apiSecretArn = fn("api").localSecretArns().get(fn("api").environment().get("EDGELEDGER_API_SECRET_ARN").get("Ref").asText());
        assertThat(apiSecretArn).isEqualTo(CloudAssembly.localSecretArn("edgeledger-" + STAGE + "/api"));

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
        LocalFunctionSettings settings = new LocalFunctionSettings(dir.resolve("sandbox"), runtimeLib, local, Map.of(),
                false, 2, 300_000);
        api = start(new LocalFunction(fn("api"), settings));
        front = start(new HttpApiFront(api, "127.0.0.1", 0));
        batcher = start(new LocalFunction(fn("cdc-batcher"), settings));
        minter = start(new LocalFunction(fn("near-minter"), settings));
    }

    static LocalFunction batcher;
    static LocalFunction minter;

    private static <T extends AutoCloseable> T start(T c) {
        running.add(c);
        return c;
    }

    private static TemplateFunction fn(String suffix) {
        return assembly.function("edgeledger-" + STAGE + "-" + suffix);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : running.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
        for (AutoCloseable c : new AutoCloseable[] {near, secrets, s3, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }

    @Test
    void theStoryRunsUnderTheRuntimeLoopWithTheTemplatesEnvironment() throws Exception {
        // the runtime's view: the template's handler and its environment, as synthesized
        assertThat(fn("api").handler()).isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        assertThat(fn("near-minter").environment().get("QUARKUS_LAMBDA_HANDLER").asText()).isEqualTo("near-minter");

        HttpResponse<String> health = get("/health", null);
        assertThat(health.statusCode()).as(health.body() + " (log: " + api.log() + ")").isEqualTo(200);

        String operatorKey = createOperatorKey();
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

        // The batcher seals a stream once it has been idle for the default 60 s (the template sets no shorter
        // time), so the schedule runs it until every sample event is sealed and acked, as the rule would.
        int events = loadSampleDebeziumEvents();
        List<String> batchIds = new ArrayList<>();
        int acked = 0;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (acked < events && System.nanoTime() < deadline) {
            JsonNode run = runScheduled(batcher, "cdc-batcher");
            acked += run.get("entriesAcked").asInt();
            run.get("batchIds").forEach(id -> batchIds.add(id.asText()));
            if (acked < events) {
                Thread.sleep(5_000);
            }
        }
        assertThat(acked).as("sample events sealed and acked (log: " + batcher.log() + ")").isEqualTo(events);
        assertThat(batchIds).isNotEmpty();
        JsonNode minted = runScheduled(minter, "near-minter");
        assertThat(minted.get("minted").asInt()).as(minted.toString()).isEqualTo(batchIds.size());
        assertThat(near.tokenIds()).containsAll(batchIds);

        String batchId = batchIds.get(0);
        String leafHash = firstLeafHashOf(batchId);
        HttpResponse<String> verified = send("POST", "/v1/ledger/verify", operatorKey, "{\"leaf_hash\":\"" + leafHash + "\"}", Map.of());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode verdict = JSON.readTree(verified.body());
        assertThat(verdict.get("verdict").asText()).as(verified.body()).isEqualTo("verified");
        assertThat(verdict.get("chain").get("root_matches").asBoolean()).isTrue();
        assertThat(verdict.get("chain").get("contract").asText()).isEqualTo(near.contractId());
    }

    private static JsonNode runScheduled(LocalFunction function, String name) throws Exception {
        InvocationResult result = function.invoke(ScheduledEvents.event("edgeledger-" + STAGE + "-" + name + "-every-minute", Instant.now()));
        assertThat(result.ok()).as(name + ": " + result.errorType() + " " + result.payloadText() + " (log: " + function.log() + ")").isTrue();
        return JSON.readTree(result.payload());
    }

    /**
     * The operator's first step in docs/deploy.md: `api create-key`, run from the API's build against the same TLS
     * Redis, hashing with the pepper of the API's secret.
     */
    private static String createOperatorKey() throws Exception {
        String buildDir = System.getProperty("edgeledger.buildDir", "target");
        Path jar = repo.resolve("functions/api/" + buildDir + "/edgeledger-api-0.1.0-SNAPSHOT-runner.jar");
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

    /** Debezium Server's Redis sink format, as ./edgeledger up loads it. */
    private static int loadSampleDebeziumEvents() throws Exception {
        int n = 0;
        for (String line : Files.readAllLines(repo.resolve("samples/debezium/streams-extended-schemas.tsv"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            List<String> cmd = new ArrayList<>(List.of("redis-cli", "--tls", "--cacert", redis.caFile().toString(),
                    "-h", RedisServer.TLS_HOST, "-p", Integer.toString(redis.port()), "XADD", cells[0], "*"));
            cmd.addAll(List.of(cells).subList(1, cells.length));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            n++;
        }
        return n;
    }

    private static String firstLeafHashOf(String batchId) throws IOException {
        for (var object : s3.client().listObjectsV2(b -> b.bucket(LEDGER_BUCKET)).contents()) {
            if (object.key().endsWith(batchId + "/batch-data.json")) {
                byte[] bytes = s3.client().getObjectAsBytes(b -> b.bucket(LEDGER_BUCKET).key(object.key())).asByteArray();
                return JSON.readTree(bytes).get("entries").get(0).get("leaf_hash").asText();
            }
        }
        throw new AssertionError("no batch-data.json of " + batchId + " in the ledger bucket");
    }

    private static HttpResponse<String> get(String path, String operatorKey) throws Exception {
        return send("GET", path, operatorKey, null, Map.of());
    }

    private static HttpResponse<String> send(String method, String path, String operatorKey, String body, Map<String, String> headers)
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
}
