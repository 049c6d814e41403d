package io.edgeledger.api.ledger;

import io.edgeledger.ledger.batch.Manifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Manifests of minted batches by prefix, so listing a page does not read them from S3 again. Only minted ones:
 * the minter rewrites a pending manifest once (with the transaction), a minted one never changes. The listing is not
 * a verdict: show and verify read S3 afresh, so a manifest tampered with after caching is still caught there.
 */
final class ManifestCache {
    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, Manifest> minted = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Manifest> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized Optional<Manifest> get(String prefix) {
        return Optional.ofNullable(minted.get(prefix));
    }

    synchronized void offer(String prefix, Manifest manifest) {
        if (manifest.mint() != null && manifest.mint().isMinted()) {
            minted.put(prefix, manifest);
        }
    }
}
