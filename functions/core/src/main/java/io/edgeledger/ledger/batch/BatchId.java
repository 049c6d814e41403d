package io.edgeledger.ledger.batch;

import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deterministic batch ids: a retried run over the same stream range gets the same id and so writes the
 * same objects. {@code BATCH-<UTC date of the first entry id's ms>-<first 8 hex of
 * SHA-256(stream|first|last)>}; the id is also the NEAR token id.
 */
public final class BatchId {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private BatchId() {}

    public static String of(String stream, String firstEntryId, String lastEntryId) {
        String date = DATE.format(Instant.ofEpochMilli(EntryIds.millis(firstEntryId)));
        byte[] digest = Sha256.digest((stream + "|" + firstEntryId + "|" + lastEntryId).getBytes(StandardCharsets.UTF_8));
        return "BATCH-" + date + "-" + Hex.of(digest).substring(0, 8);
    }
}
