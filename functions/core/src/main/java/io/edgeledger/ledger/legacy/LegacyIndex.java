package io.edgeledger.ledger.legacy;

import io.edgeledger.json.CompactJsonWriter;
import io.edgeledger.json.JsonObject;
import io.edgeledger.json.JsonSyntaxException;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.merkle.Sha256;
import io.edgeledger.ledger.store.LedgerStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The legacy batches EdgeLedger knows of, kept in its own ledger bucket: one small object per batch under
 * {@code _legacy/etrap-v1/<source bucket>/<prefix>entry.json} (no key ends in {@code manifest.json}, so the listing
 * of new batches never sees them). One object per batch makes an import resumable: what is there is done. Each
 * entry is also copied under the sorted listing keys of {@link LegacyOrder} (written before the entry itself), so
 * {@link #page} reads one page of the listing in S3 key order and never the whole index.
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

    /** Prefixes of one source bucket's batches that have their sorted listing keys (entries of older imports may not). */
    public Set<String> listedPrefixes(String sourceBucket) {
        String root = LegacyOrder.ROOT + LegacyOrder.ALL;
        Set<String> out = new HashSet<>();
        for (String key : ledger.list(root)) {
            // <time>/<batch id>/<bucket>/<prefix>listed.json
            String[] parts = key.substring(root.length()).split("/", 4);
            if (parts.length == 4 && parts[2].equals(sourceBucket) && parts[3].endsWith(LegacyOrder.OBJECT)) {
                out.add(parts[3].substring(0, parts[3].length() - LegacyOrder.OBJECT.length()));
            }
        }
        return out;
    }

    /** The listing copies first, the entry last: an entry that is there is listed (a rerun rewrites the same keys). */
    public void put(LegacyIndexEntry entry) {
        byte[] bytes = bytes(entry);
        listIn(entry, bytes);
        ledger.put(key(entry.sourceBucket(), entry.s3Prefix()), bytes, Sha256.digest(bytes));
    }

    /** Writes the sorted listing copies of an entry indexed before they existed. */
    public void addListing(LegacyIndexEntry entry) {
        listIn(entry, bytes(entry));
    }

    private void listIn(LegacyIndexEntry entry, byte[] bytes) {
        byte[] sha256 = Sha256.digest(bytes);
        String position = LegacyOrder.position(entry);
        for (String scope : LegacyOrder.scopes(entry)) {
            ledger.put(LegacyOrder.key(scope, position), bytes, sha256);
        }
    }

    private static byte[] bytes(LegacyIndexEntry entry) {
        return CompactJsonWriter.write(entry.toJson()).getBytes(StandardCharsets.UTF_8);
    }

    /** Every entry (verification searches them); one that cannot be read is returned as {@link Unreadable}. */
    public List<Read> entries() {
        List<Read> out = new ArrayList<>();
        for (String bucket : ledger.childPrefixes(ROOT)) {
            if (bucket.equals(LegacyOrder.ROOT)) {
                continue;
            }
            for (String key : ledger.list(bucket)) {
                if (key.endsWith("/" + ENTRY)) {
                    out.add(read(key));
                }
            }
        }
        return out;
    }

    public sealed interface Read permits Entry, Unreadable {}

    public record Entry(LegacyIndexEntry entry) implements Read {}

    public record Unreadable(String key, String problem) implements Read {}

    /** The entry in {@code key}, if there is one that reads. */
    public Optional<LegacyIndexEntry> entry(String key) {
        return read(key) instanceof Entry(LegacyIndexEntry e) ? Optional.of(e) : Optional.empty();
    }

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

    /** Which batches a page lists: database and table as the agent named them (null = any), first change within [from, to]. */
    public record Filter(String database, String table, long fromMs, long toMs) {}

    /** One page, in listing order (first change, then batch id); {@code lastPosition} is the last entry's, null when empty. */
    public record Page(List<LegacyIndexEntry> entries, String lastPosition) {}

    /** Whether {@code value} is a position this listing hands out (the API's cursor after "legacy:"). */
    public static boolean isPosition(String value) {
        return LegacyOrder.isPosition(value);
    }

    /**
     * Up to {@code limit} entries after position {@code after} (null: from the first) that the filter accepts. Reads
     * the listing keys from there on (skipping straight to {@code from}) and one object per entry it returns, never
     * the whole index. A listing object that cannot be read is left out, as an unreadable manifest is.
     */
    public Page page(Filter filter, String after, int limit) {
        List<LegacyOrderedKeys> sources = new ArrayList<>();
        for (String scope : new LinkedHashSet<>(LegacyOrder.scopesFor(filter.database(), filter.table()))) {
            sources.add(LegacyOrderedKeys.unknownTime(ledger, scope, after, limit));
            sources.add(LegacyOrderedKeys.timed(ledger, scope, after, filter.fromMs(), filter.toMs(), limit));
        }
        List<LegacyIndexEntry> out = new ArrayList<>();
        String last = null;
        while (out.size() < limit) {
            LegacyOrderedKeys next = null;
            for (LegacyOrderedKeys source : sources) {
                if (source.peek() != null && (next == null || source.peek().compareTo(next.peek()) < 0)) {
                    next = source;
                }
            }
            if (next == null) {
                break;
            }
            String suffix = next.peek(); // an entry is in one table scope only, so no two sources hold the same suffix
            String key = next.take();
            Optional<LegacyIndexEntry> entry = entry(key);
            if (entry.isPresent() && within(entry.get(), filter)) {
                out.add(entry.get());
                last = suffix.substring(0, suffix.length() - LegacyOrder.OBJECT.length());
            }
        }
        return new Page(out, last);
    }

    private static boolean within(LegacyIndexEntry e, Filter filter) {
        return e.firstTimestampMs() == null || (e.firstTimestampMs() >= filter.fromMs() && e.firstTimestampMs() <= filter.toMs());
    }

    /** The legacy tables as {database, table}, from the listing's table folders alone (no entry is read). */
    public List<List<String>> tables() {
        List<List<String>> out = new ArrayList<>();
        String root = LegacyOrder.ROOT + "table/";
        for (String database : ledger.childPrefixes(root)) {
            for (String table : ledger.childPrefixes(database)) {
                out.add(List.of(LegacyOrder.unname(database.substring(root.length(), database.length() - 1)),
                        LegacyOrder.unname(table.substring(database.length(), table.length() - 1))));
            }
        }
        return out;
    }
}
