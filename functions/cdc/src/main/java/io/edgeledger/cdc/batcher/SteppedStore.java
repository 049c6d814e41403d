package io.edgeledger.cdc.batcher;

import io.edgeledger.cdc.Step;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.ledger.batch.BatchObjects;
import io.edgeledger.ledger.store.LedgerStore;
import java.util.List;
import java.util.Optional;

/**
 * A {@link LedgerStore} that reports {@link Step#AFTER_S3_PUT} just before a manifest is put, i.e. when the
 * batch's data objects are in S3 and the manifest that makes them a batch is not. Everything else is the
 * wrapped store's.
 */
final class SteppedStore implements LedgerStore {
    private final LedgerStore store;
    private final StepHook hook;

    SteppedStore(LedgerStore store, StepHook hook) {
        this.store = store;
        this.hook = hook;
    }

    @Override
    public String bucket() {
        return store.bucket();
    }

    @Override
    public void put(String key, byte[] bytes, byte[] sha256) {
        if (key.endsWith("/" + BatchObjects.MANIFEST)) {
            hook.reached(Step.AFTER_S3_PUT);
        }
        store.put(key, bytes, sha256);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return store.get(key);
    }

    @Override
    public List<String> list(String prefix) {
        return store.list(prefix);
    }
}
