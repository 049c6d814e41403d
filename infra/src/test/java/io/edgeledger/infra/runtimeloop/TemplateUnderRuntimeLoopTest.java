package io.edgeledger.infra.runtimeloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.infra.artifacts.FunctionZips;
import io.edgeledger.local.lambda.InvocationResult;
import io.edgeledger.local.lambda.LocalFunction;
import io.edgeledger.local.lambda.ScheduledEvents;
import io.edgeledger.testing.RedisServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    static Path dir;
    static TemplateStack stack;
    static LocalFunction batcher;
    static LocalFunction minter;

    @BeforeAll
    static void synthesizeAndStart() throws Exception {
        FunctionZips zips = new FunctionZips(TemplateStack.built("functions/api", "function.zip"),
                TemplateStack.built("functions/cdc", "function.zip"));
        TemplateStack.assumeBuilt(zips, "the function zips and samples/local-stack's lambda-runtime are not built (run "
                + "./edgeledger build, or ./edgeledger test which packages every module before infra's tests)");
        stack = new TemplateStack(dir, "story", Map.of(), zips);
        stack.front(stack.function("api"));
        batcher = stack.function("cdc-batcher");
        minter = stack.function("near-minter");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theStoryRunsUnderTheRuntimeLoopWithTheTemplatesEnvironment() throws Exception {
        // the runtime's view: the template's handler and its environment, as synthesized
        assertThat(stack.fn("api").handler()).isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        assertThat(stack.fn("near-minter").environment().get("QUARKUS_LAMBDA_HANDLER").asText()).isEqualTo("near-minter");

        HttpResponse<String> health = stack.get("/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        String operatorKey = stack.createOperatorKey();
        stack.enrollAndIngestSignedMetrics(operatorKey);

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
        assertThat(stack.near.tokenIds()).containsAll(batchIds);

        String batchId = batchIds.get(0);
        String leafHash = firstLeafHashOf(batchId);
        HttpResponse<String> verified = stack.send("POST", "/v1/ledger/verify", operatorKey, "{\"leaf_hash\":\"" + leafHash + "\"}", Map.of());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode verdict = JSON.readTree(verified.body());
        assertThat(verdict.get("verdict").asText()).as(verified.body()).isEqualTo("verified");
        assertThat(verdict.get("chain").get("root_matches").asBoolean()).isTrue();
        assertThat(verdict.get("chain").get("contract").asText()).isEqualTo(stack.near.contractId());
    }

    private static JsonNode runScheduled(LocalFunction function, String name) throws Exception {
        InvocationResult result = function.invoke(ScheduledEvents.event("edgeledger-" + stack.stage + "-" + name + "-every-minute", Instant.now()));
        assertThat(result.ok()).as(name + ": " + result.errorType() + " " + result.payloadText() + " (log: " + function.log() + ")").isTrue();
        return JSON.readTree(result.payload());
    }

    /** Debezium Server's Redis sink format, as ./edgeledger up loads it. */
    private static int loadSampleDebeziumEvents() throws Exception {
        int n = 0;
        for (String line : Files.readAllLines(stack.repo.resolve("samples/debezium/streams-extended-schemas.tsv"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t");
            List<String> cmd = new ArrayList<>(List.of("redis-cli", "--tls", "--cacert", stack.redis.caFile().toString(),
                    "-h", RedisServer.TLS_HOST, "-p", Integer.toString(stack.redis.port()), "XADD", cells[0], "*"));
            cmd.addAll(List.of(cells).subList(1, cells.length));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            n++;
        }
        return n;
    }

    private static String firstLeafHashOf(String batchId) throws IOException {
        for (var object : stack.s3.client().listObjectsV2(b -> b.bucket(TemplateStack.LEDGER_BUCKET)).contents()) {
            if (object.key().endsWith(batchId + "/batch-data.json")) {
                byte[] bytes = stack.s3.client().getObjectAsBytes(b -> b.bucket(TemplateStack.LEDGER_BUCKET).key(object.key())).asByteArray();
                return JSON.readTree(bytes).get("entries").get(0).get("leaf_hash").asText();
            }
        }
        throw new AssertionError("no batch-data.json of " + batchId + " in the ledger bucket");
    }
}
