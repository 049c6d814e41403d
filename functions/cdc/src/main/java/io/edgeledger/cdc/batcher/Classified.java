package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.keyspace.Poison;
import io.edgeledger.cdc.streams.EntryId;
import io.edgeledger.cdc.streams.StreamEntry;
import io.edgeledger.ledger.batch.BatchBuilder;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entries of one closing batch, each classified (leaf-v2 leaf, tombstone or poison) and handed to the batch's
 * builder at once, so only one entry's text and leaf exist at a time; kept here are the ids and the poison.
 */
record Classified(String stream, List<EntryId> ids, List<Poison> poison, int leaves) {
    static final String ENTRY_DELETED = "entry_deleted";

    static Classified of(String stream, List<StreamEntry> streamEntries, String nullPlaceholder, BatchBuilder batch) {
        List<EntryId> ids = new ArrayList<>(streamEntries.size());
        List<Poison> poison = new ArrayList<>();
        int leaves = 0;
        for (StreamEntry entry : streamEntries) {
            LeafOutcome outcome = classify(entry, nullPlaceholder);
            if (outcome instanceof LeafOutcome.Poison p) {
                poison.add(new Poison(entry.id(), p.code(), p.detail()));
            } else if (outcome instanceof LeafOutcome.Leaf) {
                leaves++;
            }
            batch.add(entry.id().toString(), outcome);
            ids.add(entry.id());
        }
        return new Classified(stream, ids, poison, leaves);
    }

    private static LeafOutcome classify(StreamEntry entry, String nullPlaceholder) {
        if (entry.deleted()) {
            return new LeafOutcome.Poison(ENTRY_DELETED, "the entry was deleted from the stream (trimmed?) before it was sealed");
        }
        List<String> texts = new ArrayList<>(entry.fields().size());
        for (byte[] field : entry.fields()) {
            String text = new String(field, StandardCharsets.UTF_8);
            // Fast path decodes leniently; U+FFFD may mean a replaced malformed byte, so check strictly then.
            if (text.indexOf('\uFFFD') >= 0 && !validUtf8(field)) {
                return new LeafOutcome.Poison("invalid_json", "a field of the entry is not valid UTF-8, so it is not JSON text");
            }
            texts.add(text);
        }
        return LeafV2.fromRedisEntry(fieldPairs(texts), nullPlaceholder);
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static List<Map.Entry<String, String>> fieldPairs(List<String> texts) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>(texts.size() / 2);
        for (int i = 0; i + 1 < texts.size(); i += 2) {
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(texts.get(i), texts.get(i + 1)));
        }
        return pairs;
    }
}
