package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.batcher.BatcherReport;
import io.edgeledger.cdc.keyspace.MintQueue;
import io.edgeledger.cdc.minter.MinterReport;
import io.edgeledger.cdc.redis.RedisText;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.store.VerifiedBatch;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every sample Debezium event in ../shared/samples/debezium, loaded into Redis streams, becomes a batch
 * whose root the ledger core recomputes from S3 alone and equals the leaf-v2 vectors' root; every entry
 * is acked; the minter puts each root on the NEAR emulator and records the transaction in the manifest.
 * A broken entry goes to the dead-letter stream and is acked.
 */
class SamplesToMintedBatchesTest {
    static CdcStack stack;

    @BeforeAll
    static void start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "t");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everySampleBecomesAVerifiedMintedBatch() {
        Map<String, String> expected = new HashMap<>(); // stream → root
        Samples.expectedRoots().forEach((key, root) -> {
            String[] parts = key.split("\\|");
            expected.put(Samples.rename(parts[1], "t." + Samples.SOURCES.get(parts[0])), root);
        });
        int loaded = 0;
        try (TestRedis redis = stack.redisConnection()) {
            for (var source : Samples.SOURCES.entrySet()) {
                loaded += Samples.load(redis, Samples.entries(source.getKey(), "t." + source.getValue()), 0);
            }
            // A broken entry in one of the streams: it must be dead-lettered, acked, and not stop the batch.
            redis.call("XADD", "t.ext.public.orders", "*", "key", "{\"id\":9}", "value", "{not json");
            loaded++;
        }

        BatcherReport report = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());

        assertThat(report.entriesRead()).isEqualTo(loaded);
        assertThat(report.entriesAcked()).isEqualTo(loaded);
        assertThat(report.deadLettered()).isEqualTo(1);
        assertThat(report.batchesSealed()).isEqualTo(expected.size());
        try (TestRedis redis = stack.redisConnection()) {
            for (String stream : expected.keySet()) {
                assertThat(pendingCount(redis, stream)).as("pending on " + stream).isZero();
            }
            List<Object> dead = (List<Object>) redis.call("XRANGE", "t.ext.public.orders:dead", "-", "+");
            assertThat(dead).hasSize(1);
            List<String> fields = new ArrayList<>();
            ((List<Object>) ((List<Object>) dead.get(0)).get(1)).forEach(f -> fields.add(RedisText.text(f)));
            assertThat(fields).containsSequence("_code", "invalid_json").contains("{not json");
        }

        Map<String, Manifest> byStream = new HashMap<>();
        try (S3LedgerStore store = stack.store()) {
            for (String prefix : store.batchPrefixes("")) {
                VerifiedBatch verified = store.readBatch(prefix); // root recomputed from the S3 objects alone
                Manifest manifest = verified.manifest();
                assertThat(verified.tree().root()).isNotNull();
                assertThat(io.edgeledger.ledger.merkle.Hex.of(verified.tree().root())).isEqualTo(manifest.root());
                byStream.put(manifest.stream(), manifest);
            }
        }
        assertThat(byStream).hasSize(expected.size());
        expected.forEach((stream, root) -> assertThat(byStream.get(stream).root()).as("root of " + stream).isEqualTo(root));

        MinterReport minted = stack.minter(StepHook.NONE).run(CdcStack.longDeadline());
        assertThat(minted.failed()).as(String.join("; ", minted.errors())).isZero();
        assertThat(minted.minted()).isEqualTo(expected.size());
        assertThat(stack.near.tokenIds()).hasSize(expected.size());
        try (S3LedgerStore store = stack.store(); TestRedis redis = stack.redisConnection()) {
            for (Manifest before : byStream.values()) {
                assertThat(stack.near.token(before.batchId())).as("token " + before.batchId()).isNotNull();
                assertThat(stack.chainRoot(before.batchId())).as("root on chain of " + before.batchId()).isEqualTo(before.root());
                Manifest after = store.manifest(before.s3Prefix()).orElseThrow();
                assertThat(after.mint().status()).isEqualTo("minted");
                assertThat(after.mint().txHash()).isNotBlank();
                assertThat(after.mint().blockHash()).isNotBlank();
            }
            assertThat((Long) redis.call("ZCARD", MintQueue.KEY)).isZero();
        }
        // A second minter run finds nothing to do and mints nothing again.
        MinterReport again = stack.minter(StepHook.NONE).run(CdcStack.longDeadline());
        assertThat(again.minted() + again.alreadyMinted()).isZero();
        assertThat(stack.near.appliedTransactions()).isEqualTo(expected.size());
    }

    static long pendingCount(TestRedis redis, String stream) {
        List<Object> summary = (List<Object>) redis.call("XPENDING", stream, "edgeledger-cdc");
        return (Long) summary.get(0);
    }
}
