package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cdc.keyspace.SealIntents;
import io.edgeledger.cdc.keyspace.MintJournal;
import io.edgeledger.cdc.keyspace.MintQueue;
import io.edgeledger.cdc.minter.Minter;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.store.VerifiedBatch;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.WaitUntil;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash injection at every step of the batcher and the minter, each followed by a rerun (new instances,
 * as after a restart, same Redis / S3 / chain): the batches end up exactly those of a crash-free run,
 * every entry is acked and accounted for in S3 or the dead-letter stream, and no token is minted twice.
 */
class CrashRecoveryTest {
    static final long BASE_MILLIS = 1_764_000_000_000L; // explicit entry ids: the same batch ids in every run
    static CdcStack stack;
    static Map<String, String> reference; // batch id → root, from a run without a crash
    static int entries;

    @BeforeAll
    static void referenceRun() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "c");
        stack.env.put("EDGELEDGER_CDC_BATCH_MAX_EVENTS", "3"); // 5 entries → batches of 3 and 2
        stack.env.put("EDGELEDGER_MINT_LEASE_SECONDS", "0");
        stack.env.put("EDGELEDGER_MINT_BACKOFF_BASE_MS", "0");
        load();
        stack.bucket("reference");
        stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
        stack.minter(StepHook.NONE).run(CdcStack.longDeadline());
        reference = batches();
        // customers [r,r,c][u,d,tombstone], orders [r,c,c][u,d,tombstone] + the poison alone (no leaf: dead letter
        // only), products [r,c,u][d,tombstone]
        assertThat(reference).hasSize(6);
        assertThat(stack.near.tokenIds()).containsExactlyInAnyOrderElementsOf(reference.keySet());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void crashThenRerunGivesTheSameBatchesMintedOnce(Step step) {
        load();
        stack.bucket("crash-" + step.name().toLowerCase().replace('_', '-'));
        stack.freshChain();

        CrashAt crash = new CrashAt(step);
        assertThatThrownBy(() -> {
            stack.batcher(crash).run(CdcStack.longDeadline());
            stack.minter(crash).run(CdcStack.longDeadline());
        }).isInstanceOf(CrashAt.SimulatedCrash.class);
        assertThat(crash.crashed()).isTrue();

        stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
        stack.minter(StepHook.NONE).run(CdcStack.longDeadline());

        assertThat(batches()).isEqualTo(reference);
        NearRpcClient chain = new NearRpcClient(stack.near.url());
        try (TestRedis redis = stack.redisConnection(); S3LedgerStore store = stack.store()) {
            long accounted = 0;
            for (String stream : List.of("c.public.customers", "c.public.orders", "c.inventory.products")) {
                assertThat(SamplesToMintedBatchesTest.pendingCount(redis, stream)).as("pending on " + stream).isZero();
                List<Object> lastEntry = (List<Object>) redis.call("XREVRANGE", stream, "+", "-", "COUNT", 1);
                accounted += (Long) redis.call("XLEN", stream + ":dead");
                assertThat(lastEntry).isNotEmpty();
            }
            for (String prefix : store.batchPrefixes("")) {
                Manifest manifest = store.manifest(prefix).orElseThrow();
                accounted += manifest.entryCount(); // the poison entry is in no batch: it sealed alone, without a leaf
                assertThat(manifest.mint().status()).isEqualTo("minted");
                // Also after a crash during the mint call: the journaled tx hash tells which transaction minted.
                assertThat(manifest.mint().txHash()).as("tx hash of " + manifest.batchId()).isNotBlank();
                assertThat(chain.txStatus(manifest.mint().txHash(), stack.near.signer().accountId(), WaitUntil.FINAL).succeeded())
                        .as("the recorded tx of " + manifest.batchId() + " is the one that succeeded").isTrue();
                assertThat((Long) redis.call("EXISTS", MintJournal.sentKey(manifest.batchId()))).as("journal cleared").isZero();
            }
            assertThat(accounted).as("entries in S3 batches or dead-lettered").isEqualTo(entries);
            assertThat((Long) redis.call("XLEN", "c.public.orders:dead")).as("dead letters, written once").isEqualTo(1);
            assertThat((Long) redis.call("ZCARD", MintQueue.KEY)).isZero();
            assertThat((Long) redis.call("SCARD", SealIntents.INDEX_KEY)).isZero();
        }
        assertThat(stack.near.tokenIds()).containsExactlyInAnyOrderElementsOf(reference.keySet());
        assertThat(stack.near.appliedTransactions()).as("one mint transaction per batch").isEqualTo(reference.size());
        reference.forEach((id, root) -> assertThat(stack.chainRoot(id)).isEqualTo(root));
    }

    /** The sample's extended entries with explicit ids, plus one poison entry, into an empty Redis. */
    static void load() {
        try (TestRedis redis = stack.redisConnection()) {
            redis.call("FLUSHALL");
            List<Samples.Entry> sample = new java.util.ArrayList<>(Samples.entries("redis/streams-extended.jsonl", "c"));
            sample.add(new Samples.Entry("c.public.orders", List.of("key", "{\"id\":9}", "value", "{\"op\":")));
            entries = Samples.load(redis, sample, BASE_MILLIS);
        }
    }

    /** Batch id → root of every complete batch in the current bucket, each re-verified from S3 alone. */
    static Map<String, String> batches() {
        Map<String, String> found = new TreeMap<>();
        try (S3LedgerStore store = stack.store()) {
            for (String prefix : store.batchPrefixes("")) {
                VerifiedBatch batch = store.readBatch(prefix);
                assertThat(Hex.of(batch.tree().root())).isEqualTo(batch.manifest().root());
                found.put(batch.manifest().batchId(), batch.manifest().root());
            }
        }
        return found;
    }
}
