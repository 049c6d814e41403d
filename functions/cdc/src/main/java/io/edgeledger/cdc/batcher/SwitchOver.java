package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.streams.ConsumerGroup;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.GroupTakeover;
import io.edgeledger.cdc.streams.StreamDiscovery;
import io.edgeledger.cdc.streams.StreamEntry;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.store.LedgerStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Taking the streams over from the original ETRAP agent: {@link #takeOver} creates the batcher's groups at the
 * agent group's last delivered id ({@code --from-group etrap-agent}); {@link #sealPending} seals the entries the
 * agent left pending (delivered to it, never acked, never re-read by it) as ordinary batches and acks them in the
 * agent's group, so every entry ends up notarized exactly once by one of the two.
 */
public final class SwitchOver {
    /** The consumer name the pending entries are claimed to inside the agent's group. */
    public static final String TAKEOVER_CONSUMER = "edgeledger-switch-over";

    private final BatcherSettings settings;
    private final BatchSealer batches;
    private final LedgerStore store;
    private final Clock clock;

    public SwitchOver(BatcherSettings settings, BatchSealer batches, LedgerStore store, Clock clock) {
        this.settings = settings;
        this.batches = batches;
        this.store = store;
        this.clock = clock;
    }

    public List<GroupTakeover.Takeover> takeOver(String fromGroup) {
        try (RedisConnection redis = RedisConnection.open(settings.redis())) {
            List<String> streams = new StreamDiscovery(settings.streamPrefix()).streams(redis);
            return GroupTakeover.createFrom(redis, streams, fromGroup, settings.group());
        }
    }

    /** Seals what {@code fromGroup} left pending on every stream; returns the number of entries sealed (acked). */
    public long sealPending(String fromGroup) {
        Sealer sealer = new Sealer(batches, store, StepHook.NONE, clock, settings.nullPlaceholder());
        long sealed = 0;
        try (RedisConnection redis = RedisConnection.open(settings.redis())) {
            ConsumerGroup agent = new ConsumerGroup(redis, fromGroup, TAKEOVER_CONSUMER);
            for (String stream : new StreamDiscovery(settings.streamPrefix()).streams(redis)) {
                if (GroupTakeover.lastDeliveredId(redis, stream, fromGroup) == null) {
                    continue;
                }
                agent.reclaim(stream, 0, new ArrayList<EntryId>()); // every pending entry of the agent, whoever held it
                String after = "0-0";
                while (true) {
                    List<StreamEntry> entries = agent.readOwnPending(Map.of(stream, after), settings.readCount()).getOrDefault(stream, List.of());
                    if (entries.isEmpty()) {
                        break;
                    }
                    sealed += sealer.seal(agent, stream, entries).entries();
                    after = entries.get(entries.size() - 1).id().toString();
                }
            }
        }
        return sealed;
    }
}
