package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.edgeledger.cdc.batcher.BatcherReport;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.cdc.faults.FaultyS3;
import io.edgeledger.cdc.faults.NearRelay;
import io.edgeledger.cdc.minter.Minter;
import io.edgeledger.cdc.minter.MinterReport;
import io.edgeledger.cdc.wiring.Components;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ordinary failures, not crashes: S3 refusing a write and NEAR refusing a transaction leave the entries pending and the
 * batches queued for the next run, which completes them; and two minters at once never mint a batch twice. Checked on
 * what the functions leave behind (Redis pending entries and mint queue, S3 objects, the emulator's chain), so the
 * tests hold whatever the batcher's and minter's insides look like.
 */
class OrdinaryFailuresTest {
    private static final String STREAM = "o.public.customers";
    private static final String MINT_QUEUE = "edgeledger:mint-queue";
    /** The RPC call a minter makes right before it signs a transaction (its access key's nonce). */
    private static final String SIGNING = "view_access_key";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    static CdcStack stack;

    @BeforeAll
    static void start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "o");
        stack.env.put("EDGELEDGER_MINT_BACKOFF_BASE_MS", "60000"); // a failed batch waits for the next run
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void emptyStack() {
        try (TestRedis redis = stack.redisConnection()) {
            redis.call("FLUSHALL");
        }
        stack.bucket("ordinary-" + BUCKETS.incrementAndGet());
        stack.freshChain();
    }

    @ParameterizedTest
    @EnumSource(FaultyS3.Fault.class)
    void anS3ThatRefusesWritesAcksNothingAndTheNextRunSealsTheEntries(FaultyS3.Fault fault) {
        try (TestRedis redis = stack.redisConnection()) {
            int loaded = loadCustomers(redis);
            try (FaultyS3 s3 = new FaultyS3(stack.s3, stack.env.get("EDGELEDGER_S3_BUCKET"), fault)) {
                catchThrowable(() -> Components.batcher(stack.settings(), s3.store(), StepHook.NONE, Clock.systemUTC())
                        .run(CdcStack.longDeadline()));
                assertThat(s3.faultyPuts()).as("the batcher tried to write").isPositive();
            }
            assertThat(SamplesToMintedBatchesTest.pendingCount(redis, STREAM)).as("nothing acked").isEqualTo(loaded);
            assertThat(manifests()).as("no batch in the bucket").isEmpty();
            assertThat(redis.call("ZCARD", MINT_QUEUE)).as("nothing queued for minting").isEqualTo(0L);

            BatcherReport next = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
            assertThat(next.entriesAcked()).isEqualTo(loaded);
            assertThat(SamplesToMintedBatchesTest.pendingCount(redis, STREAM)).isZero();
            assertThat(manifests()).hasSize((int) next.batchesSealed()).isNotEmpty();
            assertThat(redis.call("ZCARD", MINT_QUEUE)).isEqualTo(next.batchesSealed());
        }
    }

    @Test
    void aNodeRefusingTransactionsLeavesTheBatchQueuedAndTheNextRunMintsIt() throws Exception {
        List<String> sealed = sealCustomers();
        try (NearRelay node = new NearRelay(stack.near.url())) {
            node.failSubmissionsWith(503);
            MinterReport failed = minterVia(node, "120", Clock.systemUTC()).run(CdcStack.longDeadline());
            assertThat(failed.failed()).isEqualTo(sealed.size());
            assertThat(failed.minted() + failed.alreadyMinted()).isZero();
        }
        assertThat(stack.near.tokenIds()).isEmpty();
        try (TestRedis redis = stack.redisConnection()) {
            assertThat(redis.call("ZCARD", MINT_QUEUE)).as("still queued").isEqualTo((long) sealed.size());
        }

        // the next run, after the back-off
        MinterReport next = Components.minter(stack.settings(), stack.store(), StepHook.NONE,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(1))).run(CdcStack.longDeadline());
        assertThat(next.minted()).isEqualTo(sealed.size());
        assertThat(stack.near.tokenIds()).containsExactlyInAnyOrderElementsOf(sealed);
        try (TestRedis redis = stack.redisConnection()) {
            assertThat(redis.call("ZCARD", MINT_QUEUE)).isEqualTo(0L);
        }
    }

    @Test
    void aSecondMinterDuringTheLeaseSendsNothing() throws Exception {
        List<String> sealed = sealCustomers();
        AtomicReference<MinterReport> second = new AtomicReference<>();
        AtomicInteger submissionsDuringSecond = new AtomicInteger(-1);
        try (NearRelay node = new NearRelay(stack.near.url())) {
            // the first minter has claimed the batch, found no token and is about to sign: the second runs now, start to end
            node.beforeFirst(SIGNING, () -> {
                int before = stack.near.submissions();
                second.set(minterDirect("120").run(CdcStack.longDeadline()));
                submissionsDuringSecond.set(stack.near.submissions() - before);
            });
            MinterReport first = minterVia(node, "120", Clock.systemUTC()).run(CdcStack.longDeadline());
            assertThat(first.minted()).isEqualTo(sealed.size());
        }
        assertThat(submissionsDuringSecond.get()).as("transactions the second minter sent").isZero();
        assertThat(second.get().minted() + second.get().alreadyMinted() + second.get().failed()).isZero();
        assertThat(stack.near.tokenIds()).containsExactlyInAnyOrderElementsOf(sealed);
        assertThat(stack.near.submissions()).isEqualTo(sealed.size());
    }

    @Test
    void twoMintersRacingForOneBatchMintItOnceAndBothFinish() throws Exception {
        List<String> sealed = sealCustomers();
        assertThat(sealed).hasSize(1);
        AtomicReference<MinterReport> second = new AtomicReference<>();
        try (NearRelay node = new NearRelay(stack.near.url())) {
            // no lease: both claim the batch and find no token; the second mints it while the first is about to sign
            node.beforeFirst(SIGNING, () -> second.set(minterDirect("0").run(CdcStack.longDeadline())));
            MinterReport first = minterVia(node, "0", Clock.systemUTC()).run(CdcStack.longDeadline());
            assertThat(second.get().minted()).as(second.get().toString()).isEqualTo(1);
            // the first one's mint_batch panics "token already exists" on chain: recovered as already minted
            assertThat(first.failed()).as(String.join("; ", first.errors())).isZero();
            assertThat(first.alreadyMinted()).isEqualTo(1);
        }
        assertThat(stack.near.submissions()).as("both minters really sent").isEqualTo(2);
        assertThat(stack.near.tokenIds()).containsExactlyElementsOf(sealed);
        assertThat(stack.near.appliedTransactions()).as("the winner's mint and the loser's refused one").isEqualTo(2);
        try (TestRedis redis = stack.redisConnection()) {
            assertThat(redis.call("ZCARD", MINT_QUEUE)).isEqualTo(0L);
        }
        assertThat(stack.chainRoot(sealed.get(0))).isNotNull();
    }

    private static int loadCustomers(TestRedis redis) {
        return Samples.load(redis, Samples.entries("redis/streams-extended.jsonl", "o").stream()
                .filter(e -> e.stream().equals(STREAM)).toList(), 0);
    }

    private static List<String> sealCustomers() {
        try (TestRedis redis = stack.redisConnection()) {
            loadCustomers(redis);
        }
        BatcherReport report = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
        assertThat(report.batchIds()).isNotEmpty();
        return report.batchIds();
    }

    private static Minter minterVia(NearRelay node, String leaseSeconds, Clock clock) {
        Map<String, String> env = new HashMap<>(stack.env);
        env.put("EDGELEDGER_NEAR_RPC", node.url().toString());
        env.put("EDGELEDGER_MINT_LEASE_SECONDS", leaseSeconds);
        return Components.minter(new Settings(env::get), stack.store(), StepHook.NONE, clock);
    }

    private static Minter minterDirect(String leaseSeconds) {
        Map<String, String> env = new HashMap<>(stack.env);
        env.put("EDGELEDGER_MINT_LEASE_SECONDS", leaseSeconds);
        return Components.minter(new Settings(env::get), stack.store(), StepHook.NONE, Clock.systemUTC());
    }

    private static List<String> manifests() {
        try (S3Client s3 = stack.s3.client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(stack.env.get("EDGELEDGER_S3_BUCKET"))).contents().stream()
                    .map(o -> o.key()).filter(k -> k.endsWith("manifest.json")).toList();
        }
    }
}
