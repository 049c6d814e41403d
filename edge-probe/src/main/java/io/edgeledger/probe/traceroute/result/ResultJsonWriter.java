package io.edgeledger.probe.traceroute.result;

import io.edgeledger.wire.JsonStrings;
import java.util.List;

/** A small JSON writer: the result shape is fixed, and skipping a JSON library keeps CLI start-up short. */
final class ResultJsonWriter {
    private final StringBuilder sb = new StringBuilder(2048);
    private boolean needComma;

    ResultJsonWriter open() {
        comma();
        sb.append('{');
        needComma = false;
        return this;
    }

    ResultJsonWriter close() {
        sb.append('}');
        needComma = true;
        return this;
    }

    ResultJsonWriter key(String k) {
        comma();
        string(k);
        sb.append(':');
        needComma = false;
        return this;
    }

    ResultJsonWriter openArray() {
        comma();
        sb.append('[');
        needComma = false;
        return this;
    }

    ResultJsonWriter closeArray() {
        sb.append(']');
        needComma = true;
        return this;
    }

    ResultJsonWriter value(String s) {
        comma();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        needComma = true;
        return this;
    }

    ResultJsonWriter value(long n) {
        comma();
        sb.append(n);
        needComma = true;
        return this;
    }

    ResultJsonWriter value(double d) {
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

    ResultJsonWriter value(boolean b) {
        comma();
        sb.append(b);
        needComma = true;
        return this;
    }

    ResultJsonWriter strings(List<String> list) {
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
        JsonStrings.quote(s, sb, JsonStrings.Escapes.GO);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
