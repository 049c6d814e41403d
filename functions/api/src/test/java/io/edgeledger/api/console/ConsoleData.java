package io.edgeledger.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.api.support.Api;
import io.edgeledger.api.support.ApiTestResources;
import io.edgeledger.api.support.LedgerFixture;
import io.edgeledger.api.support.Payloads;
import io.edgeledger.api.support.SignedProbe;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** What the console tests look at, put in through the public API (signed probe ingestion) and the ledger fixtures. */
final class ConsoleData {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String METRIC = "console.test.latency";
    static final String PROBE_VERSION = "0.9.7-console";
    static final String CODEX_SESSION = "019a2b23-17ba-70f0-b9d2-0064a1b6c345";

    final SignedProbe probe;
    final String probeName;
    final Manifest intact;
    final String intactLeaf;
    final Manifest tampered;
    final String tamperedLeaf;
    final int codexEvents;

    private ConsoleData(SignedProbe probe, String probeName, Manifest intact, String intactLeaf, Manifest tampered,
            String tamperedLeaf, int codexEvents) {
        this.probe = probe;
        this.probeName = probeName;
        this.intact = intact;
        this.intactLeaf = intactLeaf;
        this.tampered = tampered;
        this.tamperedLeaf = tamperedLeaf;
        this.codexEvents = codexEvents;
    }

    static ConsoleData load() throws Exception {
        String name = "console-edge-" + Long.toString(System.nanoTime() % 100_000, 36);
        SignedProbe probe = SignedProbe.enroll(name);
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 8; i++) { // one point a minute over the last 8 minutes
            ok(probe.post("/v1/ingest/metrics", Payloads.metrics(Payloads.batchId(), METRIC, now - 60L * (8 - i), 10 + i % 3 + i * 0.5, "env:test", "target:lab")));
        }
        ok(probe.post("/v1/ingest/check-runs", Payloads.checkRuns(Payloads.batchId(), now - 30)));
        ok(probe.post("/v1/ingest/metrics", Payloads.selfReport(Payloads.batchId(), now - 15, PROBE_VERSION, 3)));

        // a Codex CLI session from the shared fixtures, as the probe's collector normalizes it (the .expected.json)
        Path fixture = SharedData.resolve("fixtures/agent-logs/home/.codex/sessions/2025/10/28/rollout-2025-10-28T14-05-11-" + CODEX_SESSION + ".jsonl.expected.json");
        ArrayNode events = (ArrayNode) JSON.readTree(Files.readString(fixture));
        rebaseToNow(events); // the API lists sessions active in its recent window; the fixture is from 2025
        ObjectNode batch = JSON.createObjectNode().put("batch_id", Payloads.batchId());
        batch.set("events", events);
        ok(probe.post("/v1/ingest/events", JSON.writeValueAsString(batch)));

        long ids = 1_790_000_000_000L + (System.nanoTime() % 1_000_000) * 100_000;
        SealedBatch good = LedgerFixture.seal("etrap.public.orders", LedgerFixture.entries("etrap.public.orders", ids));
        Manifest intact = LedgerFixture.mint(LedgerFixture.write(good));
        SealedBatch bad = LedgerFixture.seal("etrap.public.orders", LedgerFixture.entries("etrap.public.orders", ids + 50_000));
        Manifest tampered = LedgerFixture.mint(LedgerFixture.write(bad));
        String key = tampered.s3Prefix() + "batch-data.json";
        try (S3Client s3 = Api.s3()) { // an attacker edits one row in S3 after the root was notarized
            String data = s3.getObjectAsBytes(b -> b.bucket(ApiTestResources.LEDGER_BUCKET).key(key)).asUtf8String();
            String forged = data.replaceFirst("SHIPPED", "REFUNDED");
            if (forged.equals(data)) {
                throw new IllegalStateException("the sample has no SHIPPED row to forge");
            }
            s3.putObject(b -> b.bucket(ApiTestResources.LEDGER_BUCKET).key(key), RequestBody.fromString(forged));
        }
        return new ConsoleData(probe, name, intact, leafText(good, 1), tampered, leafText(bad, 0), events.size());
    }

    /** Shifts every event's time by one offset so the last one is now: the session as if replayed today, order kept. */
    private static void rebaseToNow(ArrayNode events) {
        Instant last = Instant.EPOCH;
        for (JsonNode e : events) {
            Instant at = Instant.parse(e.path("timestamp").asText());
            last = at.isAfter(last) ? at : last;
        }
        java.time.Duration shift = java.time.Duration.between(last, Instant.now().minusSeconds(60));
        for (JsonNode e : events) {
            ((ObjectNode) e).put("timestamp", Instant.parse(e.path("timestamp").asText()).plus(shift).toString());
        }
    }

    private static String leafText(SealedBatch batch, int i) {
        return ((LeafOutcome.Leaf) batch.leaves().get(i)).text();
    }

    private static void ok(io.restassured.response.Response response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("ingest failed: " + response.statusCode() + " " + response.asString());
        }
    }

    static JsonNode json(String text) throws java.io.IOException {
        return JSON.readTree(text);
    }
}
