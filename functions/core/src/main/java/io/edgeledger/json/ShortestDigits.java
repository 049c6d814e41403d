package io.edgeledger.json;

import java.math.BigDecimal;

/**
 * The shortest decimal digits that round-trip a finite, non-zero double, with the decimal point
 * position: value = 0.DIGITS x 10^pointPosition. Both ECMAScript Number::toString and Python repr are
 * built from these digits (the fewest digits that round-trip; among several, the closest to the double,
 * then the even one); they differ only in layout.
 *
 * <p>The digits come from {@code Double.toString} (JDK 19+, Raffaello Giulietti's shortest-decimal
 * algorithm, JDK-4511638), with one correction: when a single digit would do, the JDK may still pick a
 * two-digit decimal closer to the double (its spec chooses among decimals of length 1 or 2). That only
 * happens at the bottom of the subnormal range: {@code Double.MIN_VALUE} is {@code 4.9E-324} in Java but
 * {@code 5e-324} in ECMAScript and Python.
 */
record ShortestDigits(String digits, int pointPosition) {

    static ShortestDigits of(double d) {
        if (d == 0 || !Double.isFinite(d)) {
            throw new IllegalArgumentException("no digits for " + d);
        }
        double abs = Math.abs(d);
        BigDecimal bd = new BigDecimal(Double.toString(abs)).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        ShortestDigits java = new ShortestDigits(digits, digits.length() - bd.scale());
        // Two round-tripping decimals of different lengths need an ulp of ~1 % of the value: subnormals only.
        return digits.length() == 2 && abs < Double.MIN_NORMAL ? java.oneDigitIfEnough(abs) : java;
    }

    /** The closest single digit (times the same power of ten) that still reads back as {@code abs}, if any. */
    private ShortestDigits oneDigitIfEnough(double abs) {
        int two = Integer.parseInt(digits); // 10..99: value = two x 10^(pointPosition - 2)
        int exponent = pointPosition - 1;   // of the one-digit candidates c x 10^exponent
        BigDecimal exact = new BigDecimal(abs);
        ShortestDigits best = null;
        BigDecimal bestDistance = null;
        for (int c = two / 10; c <= two / 10 + 1; c++) {
            BigDecimal candidate = BigDecimal.valueOf(c).scaleByPowerOfTen(exponent);
            if (c == 0 || Double.parseDouble(candidate.toString()) != abs) {
                continue;
            }
            BigDecimal distance = candidate.subtract(exact).abs();
            int cmp = bestDistance == null ? -1 : distance.compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && c % 2 == 0)) {
                best = c == 10 ? new ShortestDigits("1", pointPosition + 1) : new ShortestDigits(Integer.toString(c), pointPosition);
                bestDistance = distance;
            }
        }
        return best != null ? best : this;
    }
}
