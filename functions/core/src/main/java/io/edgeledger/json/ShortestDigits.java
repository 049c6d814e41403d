package io.edgeledger.json;

import java.math.BigDecimal;

/**
 * The shortest decimal digits that round-trip a finite, non-zero double, with the decimal point
 * position: value = 0.DIGITS x 10^pointPosition. Both ECMAScript Number::toString and Python repr are
 * built from these digits; they differ only in layout. Relies on Double.toString producing the
 * shortest digits (JDK 19+, JDK-4511638).
 */
record ShortestDigits(String digits, int pointPosition) {

    static ShortestDigits of(double d) {
        if (d == 0 || !Double.isFinite(d)) {
            throw new IllegalArgumentException("no digits for " + d);
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        return new ShortestDigits(digits, digits.length() - bd.scale());
    }
}
