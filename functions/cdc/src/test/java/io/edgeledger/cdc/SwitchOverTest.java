package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cdc.batcher.SwitchOver;
import io.edgeledger.cdc.streams.GroupTakeover;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.legacy.LegacySamples;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The switch-over from the original ETRAP agent on one real Redis: the agent's consumer group reads and acks part of
 * the streams and leaves a few entries pending (a crash: it never re-reads them); EdgeLedger's batcher then starts
 * with {@code --from-group etrap-agent}, more entries arrive, and {@code seal-pending} seals what the agent left.
 * Every entry ends up sealed exactly once across the two.
 */
class SwitchOverTest {
    private static final String AGENT = EtrapAgentLoop.GROUP;
    private static CdcStack stack;

    @BeforeAll
    static void start() {
        stack = new CdcStack();
        stack.env.put("EDGELEDGER_CDC_PREFIX", "sw");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void everyEntryIsSealedExactlyOnceAcrossTheAgentAndEdgeLedger() {
        List<LegacySamples.Event> events = LegacySamples.events();
        List<String> streams = List.of("sw.public.orders", "sw.public.payments", "sw.public.customers", "sw.inventory.products");
        Map<String, Set<String>> agentAcked = new HashMap<>();
        try (TestRedis redis = stack.redisConnection(); S3LedgerStore store = stack.store()) {
            EtrapAgentLoop.add(redis, "sw", null, events.subList(0, 400));
            for (String stream : streams) {
                redis.call("XGROUP", "CREATE", stream, AGENT, "0");
                agentAcked.put(stream, EtrapAgentLoop.readAndAckAllBut(redis, stream, 40, 3)); // 37 acked, 3 left pending: the agent crashed
            }
            // the agent is stopped; what it never read stays in the streams, more arrives before EdgeLedger starts
            EtrapAgentLoop.add(redis, "sw", null, events.subList(400, 600));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = io.edgeledger.cdc.local.CdcMainAccess.run(new String[] {"switch-over", "--from-group", AGENT}, stack, out);
            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(code).as(report).isZero();
            assertThat(report).contains("sw.public.orders: group created after ", "3 entries pending in etrap-agent",
                    "12 entries were delivered to etrap-agent but never acked", "./edgeledger cdc seal-pending --from-group etrap-agent");

            SwitchOver switchOver = Components.switchOver(stack.settings(), store, StepHook.NONE, Clock.systemUTC());
            assertThat(switchOver.takeOver(AGENT)).allSatisfy(t -> assertThat(t.created()).as("a second switch-over leaves the groups alone").isFalse());
            stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
            EtrapAgentLoop.add(redis, "sw", null, events.subList(600, 700)); // EdgeLedger now follows the streams alone
            stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
            assertThat(switchOver.sealPending(AGENT).entries()).isEqualTo(12);
            assertThat(switchOver.sealPending(AGENT).entries()).as("sealed once, then nothing is pending").isZero();

            Map<String, Set<String>> sealed = new HashMap<>();
            for (String prefix : store.batchPrefixes("")) {
                Manifest m = store.manifest(prefix).orElseThrow();
                Set<String> inStream = sealed.computeIfAbsent(m.stream(), s -> new HashSet<>());
                for (String id : EtrapAgentLoop.ids(redis, m.stream(), m.firstEntryId(), m.lastEntryId())) {
                    assertThat(inStream.add(id)).as(id + " of " + m.stream() + " sealed twice by EdgeLedger").isTrue();
                }
            }
            int total = 0;
            for (String stream : streams) {
                Set<String> ours = sealed.getOrDefault(stream, Set.of());
                Set<String> theirs = agentAcked.get(stream);
                assertThat(ours).as(stream + ": sealed by both").doesNotContainAnyElementsOf(theirs);
                Set<String> all = new HashSet<>(ours);
                all.addAll(theirs);
                assertThat(all).as(stream + ": every entry sealed by one of the two").containsExactlyInAnyOrderElementsOf(EtrapAgentLoop.ids(redis, stream, "-", "+"));
                assertThat((List<Object>) redis.call("XPENDING", stream, AGENT, "-", "+", 100)).as("left pending in the agent's group").isEmpty();
                total += all.size();
            }
            assertThat(total).isEqualTo(700);
        }
    }
}
