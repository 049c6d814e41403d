package io.edgeledger.ledger.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.near.notary.NotaryViews;
import java.util.Optional;

/**
 * Legacy batches in their bucket checked against their tokens: the batch is read from the store, the token's
 * {@code batch_summary.merkle_root} is asked of the notary contract, exactly as for new batches. Storage or chain
 * that cannot be reached throws (the caller's 503 / exit code); everything else is a {@link LegacyVerdict}.
 */
public final class LegacyLedger {
    private final LedgerStore store;
    private final NotaryViews views;

    public LegacyLedger(LedgerStore store, NotaryViews views) {
        this.store = store;
        this.views = views;
    }

    public LegacyBatch read(String prefix) {
        return LegacyBatchReader.read(store, prefix);
    }

    /** The prefix of batch {@code batchId} under {@code keyPrefix}, if the bucket holds it. */
    public Optional<String> prefixOf(String keyPrefix, String batchId) {
        return LegacyBatchReader.batchPrefixes(store, keyPrefix).stream().filter(p -> p.endsWith("/" + batchId + "/")).findFirst();
    }

    public LegacyVerdict verifyBatch(LegacyBatch batch) {
        Token token = token(batch.batchId());
        return LegacyVerification.verifyBatch(batch, token.found(), token.merkleRoot());
    }

    public LegacyVerdict verifyLeaf(LegacyBatch batch, LegacyLeaves.Candidates leaf) {
        Token token = token(batch.batchId());
        return LegacyVerification.verify(batch, leaf, token.found(), token.merkleRoot());
    }

    private record Token(boolean found, String merkleRoot) {}

    private Token token(String batchId) {
        boolean found = views.token(batchId).isPresent();
        String root = views.batchSummary(batchId).map(s -> s.path("merkle_root")).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        return new Token(found, root);
    }
}
