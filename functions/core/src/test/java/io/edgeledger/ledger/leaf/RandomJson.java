package io.edgeledger.ledger.leaf;

import java.util.Random;

/** Random JSON text for the single-pass property test: names out of order, escapes, every number class, nesting. */
final class RandomJson {
    private static final String[] NAMES = {"id", "a", "B", "é", "\\u00e9", "\ud83d\ude9a", "\uff01", "z", "aa", "_", "\\n", "a\\\"b", "id"};
    private static final String[] STRINGS = {"", "x", "Leverans före fredag 🚚", "\\\"q\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t",
            "\\u0000\\u001f\\u007f", "\\ud83d\\ude9a", "\\ud83d", "\\ude9a", "{\\\"tier\\\":\\\"bronze\\\"}", "\u2028\u2029"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "123456789012345", "1234567890123456", "9007199254740992",
            "9007199254740993", "-9007199254740993", "12345678901234567890", "0.1", "-0.0", "1.0", "1e2", "1E+2", "1.5e-7",
            "5e-324", "4.9e-324", "2.2250738585072014E-308", "1.7976931348623157e308", "1e400", "100000000000000000000",
            "1e21", "0.000001", "0.0000001", "3.14159265358979323846"};

    private RandomJson() {}

    static String object(Random r, int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(NAMES[r.nextInt(NAMES.length)]).append("\":").append(value(r, depth + 1));
        }
        return sb.append('}').toString();
    }

    static String value(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> "\"" + STRINGS[r.nextInt(STRINGS.length)] + "\"";
            case 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 2 -> Double.toString(Double.longBitsToDouble(r.nextLong()));
            case 3 -> Long.toString(r.nextLong() >> r.nextInt(64));
            case 4 -> r.nextBoolean() ? (r.nextBoolean() ? "true" : "false") : "null";
            case 5 -> object(r, depth);
            default -> {
                StringBuilder sb = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(value(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
        };
    }
}
