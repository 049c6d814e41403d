package io.edgeledger.near.rpc;

/** The header fields of a block that a client signs against or records. */
public record BlockView(long height, String hash, String prevHash, long timestampNanos) {}
