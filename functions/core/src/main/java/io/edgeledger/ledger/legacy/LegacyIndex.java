package io.edgeledger.ledger.legacy;

import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.merkle.Sha256;
import io.edgeledger.ledger.store.LedgerStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The legacy batches EdgeLedger knows of, kept in its own ledger bucket: one small object per batch under
 * {@code _legacy/etrap-v1/<source bucket>/<prefix>entry.json} (no key ends in {@code manifest.json}, so the listing
 * of new batches never sees them). One object per batch makes an import resumable: what is there is done.
 */
public final class LegacyIndex {
    public static final String ROOT = "_legacy/etrap-v1/";
    static final String ENTRY = "entry.json";

    private final LedgerStore ledger;

    public LegacyIndex(LedgerStore ledger) {
        this.ledger = ledger;
    }

    static String key(String sourceBucket, String s3Prefix) {
        return ROOT + sourceBucket + "/" + s3Prefix + ENTRY;
    }

    public boolean contains(String sourceBucket, String s3Prefix) {
        return ledger.get(key(sourceBucket, s3Prefix)).isPresent();
    }

    /** Keys of the entries already there for one source bucket (one LIST instead of a GET per batch). */
    public List<String> indexedPrefixes(String sourceBucket) {
        String root = ROOT + sourceBucket + "/";
        List<String> out = new ArrayList<>();
        for (String key : ledger.list(root)) {
            if (key.endsWith("/" + ENTRY)) {
                out.add(key.substring(root.length(), key.length() - ENTRY.length()));
            }
        }
        return out;
    }

    public void put(LegacyIndexEntry entry) {
        byte[] bytes = CompactJsonWriter.write(entry.toJson()).getBytes(StandardCharsets.UTF_8);
        ledger.put(key(entry.sourceBucket(), entry.s3Prefix()), bytes, Sha256.digest(bytes));
    }

    /** Every entry; one that cannot be read is returned as {@link Unreadable} so a listing can show it, not hide it. */
    public List<Read> entries() {
        List<Read> out = new ArrayList<>();
        for (String key : ledger.list(ROOT)) {
            if (key.endsWith("/" + ENTRY)) {
                out.add(read(key));
            }
        }
        return out;
    }

    public sealed interface Read permits Entry, Unreadable {}

    public record Entry(LegacyIndexEntry entry) implements Read {}

    public record Unreadable(String key, String problem) implements Read {}

    private Read read(String key) {
        Optional<byte[]> bytes = ledger.get(key);
        if (bytes.isEmpty()) {
            return new Unreadable(key, "listed but gone");
        }
        try {
            if (StrictJsonParser.parse(new String(bytes.get(), StandardCharsets.UTF_8)) instanceof JsonObject o && LegacyIndexEntry.fromJson(o) != null) {
                return new Entry(LegacyIndexEntry.fromJson(o));
            }
            return new Unreadable(key, "not a legacy index entry");
        } catch (JsonSyntaxException e) {
            return new Unreadable(key, "not JSON: " + e.getMessage());
        }
    }
}
