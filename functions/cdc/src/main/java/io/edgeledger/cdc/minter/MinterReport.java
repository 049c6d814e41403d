package io.edgeledger.cdc.minter;

import java.util.List;

/** What one minter run did. {@code failed} batches stay queued with a back-off. */
public record MinterReport(long minted, long alreadyMinted, long failed, List<String> batchIds, List<String> errors, long queued) {}
