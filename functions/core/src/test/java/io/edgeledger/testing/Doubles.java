package io.edgeledger.testing;

import java.util.SplittableRandom;

/**
 * Random doubles from every class where number formatting goes wrong: subnormals (down to the bottom,
 * where one digit suffices), values a few ulps from powers of ten, integers beyond 2^53, the extremes,
 * negative zero, short decimals and raw bit patterns. Finite values only.
 */
public final class Doubles {
    private Doubles() {}

    public static double any(SplittableRandom r) {
        double d = switch (r.nextInt(9)) {
            case 0 -> Double.longBitsToDouble(r.nextLong());
            case 1 -> Double.longBitsToDouble(r.nextLong(1, 1L << 52)); // subnormal, any mantissa
            case 2 -> Double.MIN_VALUE * r.nextInt(1, 2000); // the bottom of the subnormals: few significant digits
            case 3 -> Math.nextAfter(Math.pow(10, r.nextInt(-323, 309)), r.nextBoolean() ? Double.POSITIVE_INFINITY : 0); // 1 ulp off
            case 4 -> stepUlps(Double.parseDouble("1e" + r.nextInt(-323, 309)), r.nextInt(-3, 4));
            case 5 -> (double) r.nextLong(1L << 53, Long.MAX_VALUE) * (r.nextBoolean() ? 1 : Math.pow(2, r.nextInt(0, 20)));
            case 6 -> r.nextBoolean() ? -0.0 : r.nextBoolean() ? Double.MAX_VALUE : Double.MIN_NORMAL * (1 + r.nextInt(3));
            case 7 -> r.nextInt(-100_000, 100_000) / Math.pow(10, r.nextInt(0, 8));
            default -> r.nextDouble() * Math.pow(10, r.nextInt(-30, 30));
        };
        if (!Double.isFinite(d)) {
            return r.nextDouble();
        }
        return r.nextBoolean() ? d : -d;
    }

    private static double stepUlps(double d, int steps) {
        double out = d;
        for (int i = 0; i < Math.abs(steps); i++) {
            out = Math.nextAfter(out, steps > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        return out;
    }
}
