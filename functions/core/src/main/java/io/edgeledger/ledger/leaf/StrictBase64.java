package io.edgeledger.ledger.leaf;

import io.edgeledger.debezium.DebeziumError;
import io.edgeledger.debezium.DebeziumException;
import java.util.Base64;

/** RFC 4648 section 4 base64 accepted only in its one canonical spelling (padded, zero pad bits). */
final class StrictBase64 {
    private StrictBase64() {}

    static byte[] decode(String text, String path) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new DebeziumException(DebeziumError.BAD_BASE64, path + ": not base64 (" + e.getMessage() + ")");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new DebeziumException(DebeziumError.BAD_BASE64,
                    path + ": not the canonical padded base64 of its bytes (missing padding or non-zero pad bits)");
        }
        return bytes;
    }
}
