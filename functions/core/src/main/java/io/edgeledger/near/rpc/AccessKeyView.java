package io.edgeledger.near.rpc;

/** {@code query view_access_key}: the key's current nonce (u64, unsigned in a long); the next transaction uses nonce + 1. */
public record AccessKeyView(long nonce, String permission, String blockHash, long blockHeight) {
    public long nextNonce() {
        return nonce + 1;
    }
}
