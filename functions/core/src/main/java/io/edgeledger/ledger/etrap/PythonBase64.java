package io.edgeledger.ledger.etrap;

import java.io.ByteArrayOutputStream;

/**
 * CPython's lenient {@code base64.b64decode} (binascii.a2b_base64, non-strict): non-alphabet characters
 * are skipped, decoding stops at a complete pad sequence, and an incomplete final quad is an error
 * (null here). The legacy agent relied on exactly this behaviour.
 */
final class PythonBase64 {
    private PythonBase64() {}

    static byte[] decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '=') {
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    return out.toByteArray();
                }
                continue;
            }
            int v = value(ch);
            if (v < 0) {
                continue;
            }
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = v;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((leftChar << 2) | (v >> 4));
                    leftChar = v & 0x0f;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((leftChar << 4) | (v >> 2));
                    leftChar = v & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((leftChar << 6) | v);
                    leftChar = 0;
                }
            }
        }
        return quadPos != 0 ? null : out.toByteArray();
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }
}
