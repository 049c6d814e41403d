package io.edgeledger.probe.traceroute.result;

import java.util.List;

/** A small JSON writer: the result shape is fixed, and skipping a JSON library keeps CLI start-up short. */
final class Json {
    private final StringBuilder sb = new StringBuilder(2048);
    private boolean needComma;

    Json open() {
        comma();
        sb.append('{');
        needComma = false;
        return this;
    }

    Json close() {
        sb.append('}');
        needComma = true;
        return this;
    }

    Json key(String k) {
        comma();
        string(k);
        sb.append(':');
        needComma = false;
        return this;
    }

    Json openArray() {
        comma();
        sb.append('[');
        needComma = false;
        return this;
    }

    Json closeArray() {
        sb.append(']');
        needComma = true;
        return this;
    }

    Json value(String s) {
        comma();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        needComma = true;
        return this;
    }

    Json value(long n) {
        comma();
        sb.append(n);
        needComma = true;
        return this;
    }

    Json value(double d) {
        comma();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append('0');
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else {
            sb.append(d);
        }
        needComma = true;
        return this;
    }

    Json value(boolean b) {
        comma();
        sb.append(b);
        needComma = true;
        return this;
    }

    Json strings(List<String> list) {
        openArray();
        for (String s : list) {
            value(s);
        }
        return closeArray();
    }

    private void comma() {
        if (needComma) {
            sb.append(',');
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
