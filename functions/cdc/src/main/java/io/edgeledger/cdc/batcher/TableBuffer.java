package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The entries of one stream read but not yet handed to a seal, kept in id order without duplicates. */
final class TableBuffer {
    private final String stream;
    private final TreeMap<EntryId, StreamEntry> entries = new TreeMap<>();
    private long bytes;
    private boolean drained;

    TableBuffer(String stream) {
        this.stream = stream;
    }

    String stream() {
        return stream;
    }

    void add(StreamEntry entry) {
        StreamEntry before = entries.put(entry.id(), entry);
        bytes += entry.sizeBytes() - (before == null ? 0 : before.sizeBytes());
    }

    long bytes() {
        return bytes;
    }

    int size() {
        return entries.size();
    }

    /** The last read of this stream returned less than asked: nothing newer is waiting right now. */
    void drained(boolean value) {
        drained = value;
    }

    /**
     * Takes every batch the policy closes now, oldest first. A full batch is cut at the first entry that
     * reaches the event or byte cap, so the same entries in the same order always give the same batches.
     */
    List<List<StreamEntry>> takeSealable(SealPolicy policy, long nowMillis) {
        List<List<StreamEntry>> batches = new ArrayList<>();
        while (policy.full(entries.size(), bytes)) {
            batches.add(takeFull(policy));
        }
        if (!entries.isEmpty()
                && policy.closesPartial(entries.firstKey().millis(), entries.lastKey().millis(), drained, nowMillis)) {
            batches.add(takeFull(policy));
        }
        return batches;
    }

    /** The oldest entries, up to a full batch, closed now (memory budget reached). */
    List<StreamEntry> takeOldest(SealPolicy policy) {
        return takeFull(policy);
    }

    private List<StreamEntry> takeFull(SealPolicy policy) {
        List<StreamEntry> batch = new ArrayList<>(Math.min(entries.size(), policy.maxEvents()));
        long taken = 0;
        while (!entries.isEmpty() && !policy.full(batch.size(), taken)) {
            StreamEntry first = entries.pollFirstEntry().getValue();
            batch.add(first);
            taken += first.sizeBytes();
        }
        bytes -= taken;
        return batch;
    }
}
