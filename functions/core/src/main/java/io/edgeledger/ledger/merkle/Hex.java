package io.edgeledger.ledger.merkle;

import java.util.HexFormat;

/** Lowercase hex, the only spelling of hashes in vectors, S3 objects and the CLI. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {}

    public static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses hex (either case); throws IllegalArgumentException naming the problem. */
    public static byte[] parse(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex text has an odd number of digits (" + hex.length() + ")");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: " + abbreviate(hex));
        }
    }

    /** Parses a 32-byte hash in hex. */
    public static byte[] parseHash(String hex) {
        byte[] b = parse(hex);
        if (b.length != 32) {
            throw new IllegalArgumentException("a SHA-256 hash has 64 hex digits, got " + hex.length());
        }
        return b;
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
