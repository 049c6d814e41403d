package io.edgeledger.cdc;

import io.edgeledger.cdc.redis.RedisText;
import io.edgeledger.ledger.legacy.LegacySamples;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The original ETRAP agent on the shared sample's streams, as the switch-over tests need it: its events, its read-and-ack loop. */
final class EtrapAgentLoop {
    static final String GROUP = "etrap-agent";

    private EtrapAgentLoop() {}

    /** XADDs the sample events to {@code <prefix>.<schema>.<table>}, those of {@code streams} only (null: all). */
    static void add(TestRedis redis, String prefix, List<String> streams, List<LegacySamples.Event> events) {
        for (LegacySamples.Event e : events) {
            String stream = prefix + e.stream().substring(e.stream().indexOf('.'));
            if (streams == null || streams.contains(stream)) {
                redis.call("XADD", stream, "*", "key", e.key(), "value", e.value());
            }
        }
    }

    /** One XREADGROUP of {@code count} entries, then XACK of all but the last {@code leavePending} (a crash). Returns the acked ids. */
    @SuppressWarnings("unchecked")
    static Set<String> readAndAckAllBut(TestRedis redis, String stream, int count, int leavePending) {
        Set<String> acked = new LinkedHashSet<>();
        List<Object> reply = (List<Object>) redis.call("XREADGROUP", "GROUP", GROUP, "etrap-cdc-agent", "COUNT", count, "STREAMS", stream, ">");
        List<Object> entries = (List<Object>) ((List<Object>) reply.get(0)).get(1);
        for (int i = 0; i < entries.size() - leavePending; i++) {
            String id = RedisText.text(((List<Object>) entries.get(i)).get(0));
            redis.call("XACK", stream, GROUP, id);
            acked.add(id);
        }
        return acked;
    }

    /** The ids of {@code stream}'s entries in [from, to] ("-" and "+" for all), in order. */
    @SuppressWarnings("unchecked")
    static List<String> ids(TestRedis redis, String stream, String from, String to) {
        List<String> out = new ArrayList<>();
        for (Object entry : (List<Object>) redis.call("XRANGE", stream, from, to)) {
            out.add(RedisText.text(((List<Object>) entry).get(0)));
        }
        return out;
    }
}
