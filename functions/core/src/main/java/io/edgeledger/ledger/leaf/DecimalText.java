package io.edgeledger.ledger.leaf;

import io.edgeledger.debezium.DebeziumError;
import io.edgeledger.debezium.DebeziumException;
import java.math.BigInteger;

/** Exact decimal text of a Connect Decimal: big-endian two's-complement unscaled value and a scale. */
final class DecimalText {
    /** Longest decimal we write out; a hostile scale must not make us build a gigabyte string. */
    static final int MAX_DIGITS = 100_000;

    private DecimalText() {}

    static String of(byte[] unscaledBytes, int scale, String path) {
        if (unscaledBytes.length == 0) {
            throw new DebeziumException(DebeziumError.SCHEMA_MISMATCH, path + ": a decimal needs at least one byte");
        }
        BigInteger u = new BigInteger(unscaledBytes);
        if (u.signum() == 0 && scale <= 0) {
            return "0";
        }
        String digits = u.abs().toString();
        long length = scale > 0 ? Math.max(digits.length(), (long) scale + 1) : digits.length() - (long) scale;
        if (length > MAX_DIGITS) {
            throw new DebeziumException(DebeziumError.SCHEMA_MISMATCH,
                    path + ": decimal with scale " + scale + " would have " + length + " digits (limit " + MAX_DIGITS + ")");
        }
        String sign = u.signum() < 0 ? "-" : "";
        if (scale == 0) {
            return sign + digits;
        }
        if (scale < 0) {
            return sign + digits + "0".repeat(-scale);
        }
        if (digits.length() < scale + 1) {
            digits = "0".repeat(scale + 1 - digits.length()) + digits;
        }
        int point = digits.length() - scale;
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}
