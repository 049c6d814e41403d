package io.edgeledger.ledger.leaf;

import io.edgeledger.json.JsonObject;
import io.edgeledger.json.StrictJsonParser;
import io.edgeledger.ledger.merkle.Hex;

/** What one Debezium record contributes to a batch: a leaf, nothing (tombstone), or a poison error. */
public sealed interface LeafOutcome {

    /**
     * A leaf-v2 leaf. {@code bytes} = RFC 8785 bytes of {@code document}, {@code hash} = SHA-256(0x00 ||
     * bytes). {@code table} is the full leaf table (etrapdb.public.orders); {@code database} and
     * {@code qualifiedTable} (public.orders, or products without schema) address the S3 prefix.
     * {@code keyJson} is the decoded key in JCS ("null" without key); {@code timestampMs} is
     * source.ts_ms, else the envelope's ts_ms, else null.
     */
    record Leaf(byte[] bytes, byte[] hash, String table, String op, String database, String qualifiedTable,
            String keyJson, Long timestampMs) implements LeafOutcome {
        /** The leaf document, parsed back from its bytes: the seal path never builds it (it only needs the bytes). */
        public JsonObject document() {
            return (JsonObject) StrictJsonParser.parse(text());
        }

        public String hashHex() {
            return Hex.of(hash);
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** No leaf, e.g. {@code tombstone}. */
    record NoLeaf(String reason) implements LeafOutcome {
    }

    /** A record that cannot be attested: {@code code} is a leaf-v2 error code, {@code detail} says why. */
    record Poison(String code, String detail) implements LeafOutcome {
    }
}
