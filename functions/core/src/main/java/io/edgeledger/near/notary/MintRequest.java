package io.edgeledger.near.notary;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch to notarize. {@code knownTxHash} is the transaction recorded for an earlier mint of this token (the
 * manifest's mint.tx_hash); {@code sentTxHashes} are transactions an earlier, interrupted run signed and may
 * have sent (its journal). When the token already exists, the one of them that succeeded is reported as the
 * minting transaction, so a crash during the mint call still ends with a tx hash in the manifest.
 */
public record MintRequest(MintBatchArgs args, String knownTxHash, List<String> sentTxHashes) {
    public MintRequest {
        sentTxHashes = List.copyOf(sentTxHashes);
    }

    public MintRequest(MintBatchArgs args, String knownTxHash) {
        this(args, knownTxHash, List.of());
    }

    public String tokenId() {
        return args.tokenId();
    }

    public MintRequest withSentTxHashes(List<String> hashes) {
        return new MintRequest(args, knownTxHash, hashes);
    }

    /** Every transaction that may have minted this token earlier, the recorded one first. */
    List<String> candidateTxHashes() {
        List<String> all = new ArrayList<>();
        if (knownTxHash != null && !knownTxHash.isBlank()) {
            all.add(knownTxHash);
        }
        for (String h : sentTxHashes) {
            if (!all.contains(h)) {
                all.add(h);
            }
        }
        return all;
    }
}
