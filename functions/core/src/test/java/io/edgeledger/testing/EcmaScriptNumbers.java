package io.edgeledger.testing;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.erdtman.jcs.NumberToJSON;

/**
 * Test oracles for ECMAScript {@code Number::toString} (what RFC 8785 writes). The main one is erdtman's
 * java-json-canonicalization 1.1 (an independent JCS implementation). Its dtoa (a port of Rhino's) is not
 * right for every subnormal: 1e-320 comes out as "0.000…0001e-178" (141 zeros), 1e-314 throws
 * ArithmeticException, and in one run of 200,000 random doubles it spun for minutes in BigInteger
 * arithmetic. So subnormals, and anything erdtman throws on or takes more than 5 s for, are checked
 * against the spec's definition computed literally here: the fewest digits k such that some k-digit
 * s x 10^(n-k) reads back as the double (closest s, then even), laid out by the spec's steps.
 */
public final class EcmaScriptNumbers {
    private static ExecutorService erdtman = newWorker();

    private EcmaScriptNumbers() {}

    /** erdtman's text for normal doubles, the spec definition for subnormals and where erdtman fails. */
    public static synchronized String independent(double d) {
        if (d != 0 && Math.abs(d) < Double.MIN_NORMAL) {
            return byDefinition(d);
        }
        Future<String> text = erdtman.submit(() -> NumberToJSON.serializeNumber(d));
        try {
            return text.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ArithmeticException) {
                return byDefinition(d);
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            erdtman.shutdownNow(); // the stuck daemon thread is abandoned; later calls get a fresh one
            erdtman = newWorker();
            return byDefinition(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "erdtman-oracle");
            t.setDaemon(true);
            return t;
        });
    }

    /** ECMA-262 Number::toString(x), radix 10, straight from the spec text (slow: tests only). */
    public static String byDefinition(double x) {
        if (x == 0) {
            return "0";
        }
        if (x < 0) {
            return "-" + byDefinition(-x);
        }
        BigDecimal exact = new BigDecimal(x);
        for (int k = 1; k <= 17; k++) {
            BigDecimal nearest = exact.round(new MathContext(k, RoundingMode.HALF_EVEN));
            BigDecimal ulp = nearest.ulp();
            BigDecimal best = null;
            for (BigDecimal c : new BigDecimal[] {nearest.subtract(ulp), nearest, nearest.add(ulp)}) {
                if (c.signum() <= 0 || c.round(new MathContext(k, RoundingMode.UNNECESSARY)).compareTo(c) != 0
                        || Double.parseDouble(c.toString()) != x) {
                    continue;
                }
                int cmp = best == null ? -1 : c.subtract(exact).abs().compareTo(best.subtract(exact).abs());
                if (cmp < 0 || (cmp == 0 && c.unscaledValue().testBit(0) == false)) {
                    best = c;
                }
            }
            if (best != null) {
                BigDecimal stripped = best.stripTrailingZeros();
                String s = stripped.unscaledValue().toString();
                return layout(s, s.length() - stripped.scale());
            }
        }
        throw new AssertionError("no decimal of 17 digits or fewer reads back as " + x);
    }

    /** Steps 6-10 of Number::toString: s has k digits, value = 0.s x 10^n. */
    private static String layout(String s, int n) {
        int k = s.length();
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int e = n - 1;
        String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
        return k == 1 ? s + exponent : s.charAt(0) + "." + s.substring(1) + exponent;
    }
}
