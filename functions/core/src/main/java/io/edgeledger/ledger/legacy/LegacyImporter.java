package io.edgeledger.ledger.legacy;

import io.edgeledger.ledger.store.LedgerStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code import-etrap}: scans a legacy bucket and writes one {@link LegacyIndex} entry per batch into the ledger
 * bucket. Nothing is copied; batches already indexed are skipped, so an interrupted import continues where it
 * stopped. Each batch is read and checked (etrap-v1) so the index records its root and findings. Entries an import
 * made before the index had its sorted listing get their listing keys on the next run.
 */
public final class LegacyImporter {
    private LegacyImporter() {}

    /** After each batch: how far, which batch, and whether it was already indexed. */
    public record Progress(int done, int total, String s3Prefix, boolean alreadyIndexed, LegacyIndexEntry entry) {}

    /** {@code listed}: entries of an earlier import (before the sorted listing) given their listing keys now. */
    public record Result(int indexed, int alreadyIndexed, int withDefects, int listed) {}

    public static Result run(LedgerStore source, String keyPrefix, LegacyIndex index, Clock clock, Consumer<Progress> progress) {
        List<String> prefixes = LegacyBatchReader.batchPrefixes(source, keyPrefix);
        Set<String> done = new HashSet<>(index.indexedPrefixes(source.bucket()));
        Set<String> listed = done.isEmpty() ? Set.of() : index.listedPrefixes(source.bucket());
        int indexed = 0;
        int skipped = 0;
        int defects = 0;
        int relisted = 0;
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (done.contains(prefix)) {
                skipped++;
                if (!listed.contains(prefix)) {
                    Optional<LegacyIndexEntry> old = index.entry(LegacyIndex.key(source.bucket(), prefix));
                    if (old.isPresent()) {
                        index.addListing(old.get());
                        relisted++;
                    }
                }
                progress.accept(new Progress(i + 1, prefixes.size(), prefix, true, null));
                continue;
            }
            LegacyBatch batch = LegacyBatchReader.read(source, prefix);
            LegacyIndexEntry entry = LegacyIndexEntry.of(source.bucket(), batch, clock.instant().toString());
            index.put(entry);
            indexed++;
            defects += entry.intact() ? 0 : 1;
            progress.accept(new Progress(i + 1, prefixes.size(), prefix, false, entry));
        }
        return new Result(indexed, skipped, defects, relisted);
    }
}
