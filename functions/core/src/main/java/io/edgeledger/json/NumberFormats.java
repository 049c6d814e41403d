package io.edgeledger.json;

/** Double layouts of the two canonical JSON dialects we must reproduce byte for byte. */
public final class NumberFormats {
    private NumberFormats() {}

    /** ECMAScript Number::toString (what RFC 8785 writes). Finite values only; -0 prints as 0. */
    public static String ecmascript(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("RFC 8785 has no representation for " + d);
        }
        if (d == 0) {
            return "0";
        }
        ShortestDigits sd = ShortestDigits.of(d);
        String s = sd.digits();
        int k = s.length();
        int n = sd.pointPosition();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(s).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            int e = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    /** Python 3 {@code repr(float)} (what json.dumps writes for floats). */
    public static String pythonRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        ShortestDigits sd = ShortestDigits.of(d);
        String s = sd.digits();
        int k = s.length();
        int n = sd.pointPosition();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (-4 < n && n <= 16) {
            if (n <= 0) {
                out.append("0.").append("0".repeat(-n)).append(s);
            } else if (n < k) {
                out.append(s, 0, n).append('.').append(s, n, k);
            } else {
                out.append(s).append("0".repeat(n - k)).append(".0");
            }
        } else {
            int e = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+');
            int abs = Math.abs(e);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        }
        return out.toString();
    }
}
