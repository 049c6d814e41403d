package io.edgeledger.near.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The access key's nonce is already at or past ours: fetch the nonce again and re-sign. */
public final class InvalidNonceException extends InvalidTransactionException {
    private final long akNonce;
    private final long txNonce;

    public InvalidNonceException(long akNonce, long txNonce, JsonNode data) {
        super("invalid nonce: transaction nonce " + Long.toUnsignedString(txNonce) + " is not above the access key's nonce "
                + Long.toUnsignedString(akNonce) + " (the key was used meanwhile); refetch the nonce and re-sign", data);
        this.akNonce = akNonce;
        this.txNonce = txNonce;
    }

    /** The access key's current nonce (u64 as an unsigned long). */
    public long akNonce() {
        return akNonce;
    }

    public long txNonce() {
        return txNonce;
    }
}
