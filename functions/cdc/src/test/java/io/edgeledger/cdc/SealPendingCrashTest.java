package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cdc.batcher.SwitchOver;
import io.edgeledger.cdc.keyspace.MintQueue;
import io.edgeledger.cdc.keyspace.SealIntents;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.legacy.LegacySamples;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash injection at each step of {@code cdc seal-pending} (the entries the ETRAP agent left pending, sealed and acked
 * inside the agent's group), on real Redis, s3proxy and the NEAR emulator. After the crash EdgeLedger's batcher runs
 * (more entries arrived), then seal-pending runs again with another read count, so it would cut the pending entries
 * into other batches than the crashed run did: only the recorded intent keeps the batch the crash left whole. Every
 * entry ends up in exactly one complete batch, minted once; nothing stays pending in the agent's group, no intent open.
 */
class SealPendingCrashTest {
    private static final String AGENT = EtrapAgentLoop.GROUP;
    private static final List<String> STREAMS = List.of("sp.public.orders", "sp.public.payments");
    private static CdcStack stack;

    @BeforeAll
    static void start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "sp");
        stack.env.put("EDGELEDGER_MINT_LEASE_SECONDS", "0");
        stack.env.put("EDGELEDGER_MINT_BACKOFF_BASE_MS", "0");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"AFTER_READ", "AFTER_S3_PUT", "BEFORE_ACK", "AFTER_ACK_BEFORE_QUEUE"})
    void aCrashAtAnyStepThenARerunSealsEveryPendingEntryExactlyOnce(Step step) {
        stack.bucket("seal-pending-" + step.name().toLowerCase().replace('_', '-'));
        stack.freshChain();
        stack.env.put("EDGELEDGER_CDC_READ_COUNT", "4");
        Set<String> agentAcked = new HashSet<>();
        try (TestRedis redis = stack.redisConnection(); S3LedgerStore store = stack.store()) {
            redis.call("FLUSHALL");
            List<LegacySamples.Event> events = LegacySamples.events();
            EtrapAgentLoop.add(redis, "sp", STREAMS, events.subList(0, 120)); // 30 entries per stream
            for (String stream : STREAMS) {
                redis.call("XGROUP", "CREATE", stream, AGENT, "0");
                // the agent crashed: 11 per stream never acked
                EtrapAgentLoop.readAndAckAllBut(redis, stream, 20, 11).forEach(id -> agentAcked.add(stream + " " + id));
            }
            Components.switchOver(stack.settings(), store, StepHook.NONE, Clock.systemUTC()).takeOver(AGENT);

            CrashAt crash = new CrashAt(step);
            assertThatThrownBy(() -> Components.switchOver(stack.settings(), store, crash, Clock.systemUTC()).sealPending(AGENT))
                    .isInstanceOf(CrashAt.SimulatedCrash.class);
            if (step != Step.AFTER_READ) {
                assertThat((Long) redis.call("SCARD", SealIntents.INDEX_KEY)).as("the crashed run's intent").isEqualTo(1);
            }

            // EdgeLedger follows the streams meanwhile: the intent in the agent's group is not the batcher's to finish
            EtrapAgentLoop.add(redis, "sp", STREAMS, events.subList(120, 160));
            stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());

            stack.env.put("EDGELEDGER_CDC_READ_COUNT", "7");
            SwitchOver.PendingSealed rerun = Components.switchOver(stack.settings(), store, StepHook.NONE, Clock.systemUTC()).sealPending(AGENT);
            assertThat(Components.switchOver(stack.settings(), store, StepHook.NONE, Clock.systemUTC()).sealPending(AGENT).entries())
                    .as("a third run finds nothing").isZero();
            stack.minter(StepHook.NONE).run(CdcStack.longDeadline());

            Map<String, String> sealedIn = new HashMap<>(); // entry id -> the batch that holds it
            List<String> batchIds = new ArrayList<>();
            for (String prefix : store.batchPrefixes("")) {
                Manifest m = store.manifest(prefix).orElseThrow();
                batchIds.add(m.batchId());
                List<String> inBatch = EtrapAgentLoop.ids(redis, m.stream(), m.firstEntryId(), m.lastEntryId());
                assertThat(inBatch).as(m.batchId() + ": a run of consecutive entries").hasSize((int) m.entryCount());
                for (String id : inBatch) {
                    String other = sealedIn.put(m.stream() + " " + id, m.batchId());
                    assertThat(other).as(id + " of " + m.stream() + " sealed in " + m.batchId() + " and in " + other).isNull();
                }
                assertThat(m.mint().status()).as(m.batchId() + " minted").isEqualTo("minted");
            }
            Set<String> expected = ids(redis, STREAMS);
            expected.removeAll(agentAcked);
            assertThat(expected).hasSize(2 * (11 + 10 + 10));
            assertThat(sealedIn.keySet()).as("every entry the agent did not ack, each in one batch").containsExactlyInAnyOrderElementsOf(expected);
            for (String stream : STREAMS) {
                assertThat((List<Object>) redis.call("XPENDING", stream, AGENT, "-", "+", 100)).as("left pending in the agent's group").isEmpty();
                assertThat((List<Object>) redis.call("XPENDING", stream, "edgeledger-cdc", "-", "+", 100)).as("pending with the batcher").isEmpty();
            }
            assertThat((Long) redis.call("SCARD", SealIntents.INDEX_KEY)).as("intents left open").isZero();
            assertThat((Long) redis.call("ZCARD", MintQueue.KEY)).as("batches still queued").isZero();
            assertThat(stack.near.tokenIds()).as("one token per batch").containsExactlyInAnyOrderElementsOf(batchIds);
            assertThat(stack.near.appliedTransactions()).as("one mint transaction per batch").isEqualTo(batchIds.size());
            assertThat(rerun.finished() + rerun.discarded()).as("intents finished or dropped by the rerun").isEqualTo(step == Step.AFTER_READ ? 0 : 1);
        } finally {
            stack.env.put("EDGELEDGER_CDC_READ_COUNT", "4");
        }
    }

    private static Set<String> ids(TestRedis redis, List<String> streams) {
        Set<String> out = new HashSet<>();
        for (String stream : streams) {
            EtrapAgentLoop.ids(redis, stream, "-", "+").forEach(id -> out.add(stream + " " + id));
        }
        return out;
    }
}
