package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.StreamEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The entries of one stream read but not yet handed to a seal, kept in id order without duplicates. */
final class TableBuffer {
    private final String stream;
    private final TreeMap<EntryId, StreamEntry> entries = new TreeMap<>();
    private boolean drained;

    TableBuffer(String stream) {
        this.stream = stream;
    }

    String stream() {
        return stream;
    }

    void add(StreamEntry entry) {
        entries.put(entry.id(), entry);
    }

    int size() {
        return entries.size();
    }

    /** The last read of this stream returned less than asked: nothing newer is waiting right now. */
    void drained(boolean value) {
        drained = value;
    }

    /** Takes every batch the policy closes now, oldest first. */
    List<List<StreamEntry>> takeSealable(SealPolicy policy, long nowMillis) {
        List<List<StreamEntry>> batches = new ArrayList<>();
        while (entries.size() >= policy.maxEvents()) {
            batches.add(take(policy.maxEvents()));
        }
        if (!entries.isEmpty()
                && policy.closesPartial(entries.firstKey().millis(), entries.lastKey().millis(), drained, nowMillis)) {
            batches.add(take(entries.size()));
        }
        return batches;
    }

    private List<StreamEntry> take(int count) {
        List<StreamEntry> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map.Entry<EntryId, StreamEntry> first = entries.pollFirstEntry();
            batch.add(first.getValue());
        }
        return batch;
    }
}
