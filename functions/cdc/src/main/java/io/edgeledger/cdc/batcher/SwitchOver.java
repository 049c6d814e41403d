package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.cdc.streams.ConsumerGroup;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.GroupTakeover;
import io.edgeledger.cdc.streams.StreamDiscovery;
import io.edgeledger.cdc.streams.StreamEntry;
import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.keyspace.SealIntent;
import io.edgeledger.cdc.keyspace.SealIntents;
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
 *
 * <p>Each batch it seals records its intent in the agent's group first ({@code SealIntent}: entry ids, group), and a
 * run finishes the intents an interrupted run left before it claims anything: a complete batch is acked and queued as
 * it was cut, an incomplete one is dropped and its entries (still pending) are sealed again. Without that, a rerun
 * could cut the same entries into other batches (another read count, entries acked meanwhile) and seal them twice.
 */
public final class SwitchOver {
    /** The consumer name the pending entries are claimed to inside the agent's group. */
    public static final String TAKEOVER_CONSUMER = "edgeledger-switch-over";

    private final BatcherSettings settings;
    private final BatchSealer batches;
    private final LedgerStore store;
    private final StepHook hook;
    private final Clock clock;

    public SwitchOver(BatcherSettings settings, BatchSealer batches, LedgerStore store, StepHook hook, Clock clock) {
        this.settings = settings;
        this.batches = batches;
        this.store = store;
        this.hook = hook;
        this.clock = clock;
    }

    public List<GroupTakeover.Takeover> takeOver(String fromGroup) {
        try (RedisConnection redis = RedisConnection.open(settings.redis())) {
            List<String> streams = new StreamDiscovery(settings.streamPrefix()).streams(redis);
            return GroupTakeover.createFrom(redis, streams, fromGroup, settings.group());
        }
    }

    /** What {@link #sealPending} did: entries acked in the agent's group, and the batches an interrupted run had left. */
    public record PendingSealed(long entries, int finished, int discarded) {}

    /** Batches an interrupted {@link #sealPending} left open in {@code fromGroup} (the next run finishes them). */
    public long unfinished(String fromGroup) {
        try (RedisConnection redis = RedisConnection.open(settings.redis())) {
            return SealIntents.open(redis).stream().filter(i -> i.inGroup(fromGroup, settings.group())).count();
        }
    }

    /** Finishes what an interrupted run left, then seals what {@code fromGroup} left pending on every stream. */
    public PendingSealed sealPending(String fromGroup) {
        if (fromGroup.equals(settings.group())) {
            throw new IllegalArgumentException("--from-group " + fromGroup + " is EdgeLedger's own group; give the agent's (etrap-agent)");
        }
        Sealer sealer = new Sealer(batches, store, hook, clock, settings.nullPlaceholder());
        long sealed = 0;
        int finished = 0;
        int discarded = 0;
        try (RedisConnection redis = RedisConnection.open(settings.redis())) {
            ConsumerGroup agent = new ConsumerGroup(redis, fromGroup, TAKEOVER_CONSUMER);
            for (SealIntent intent : SealIntents.open(redis)) {
                if (!intent.inGroup(fromGroup, settings.group())) {
                    continue; // the batcher's own, or another group's
                }
                if (sealer.finish(agent, intent)) {
                    finished++;
                    sealed += intent.acked() ? 0 : intent.entryIds().size();
                } else {
                    discarded++;
                }
            }
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
                    hook.reached(Step.AFTER_READ);
                    sealed += sealer.seal(agent, stream, entries).entries();
                    after = entries.get(entries.size() - 1).id().toString();
                }
            }
        }
        return new PendingSealed(sealed, finished, discarded);
    }
}
