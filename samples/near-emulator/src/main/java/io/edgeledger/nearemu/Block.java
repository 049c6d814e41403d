package io.edgeledger.nearemu;

import io.edgeledger.near.codec.Base58;

/** One emulated block: enough header to sign against and to report where a transaction landed. */
record Block(long height, byte[] hash, byte[] prevHash, long timestampNanos) {
    String hashBase58() {
        return Base58.encode(hash);
    }

    String prevHashBase58() {
        return Base58.encode(prevHash);
    }
}
