package io.edgeledger.near.codec;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin-alphabet base58, as NEAR uses for keys, hashes and signatures. Leading zero bytes map to '1'. */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] INDEXES = new int[128];
    private static final BigInteger BASE = BigInteger.valueOf(58);

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {}

    public static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, input);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(zeros));
        return out.reverse().toString();
    }

    /** Decodes base58 text; throws IllegalArgumentException naming the first bad character. */
    public static byte[] decode(String text) {
        BigInteger value = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("invalid base58 character '" + c + "' at position " + i);
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }

    /** Decodes and checks the length, e.g. 32 for hashes and public keys. */
    public static byte[] decode(String text, int expectedLength, String what) {
        byte[] bytes;
        try {
            bytes = decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base58: " + e.getMessage());
        }
        if (bytes.length != expectedLength) {
            throw new IllegalArgumentException(what + " must decode to " + expectedLength + " bytes, got " + bytes.length);
        }
        return bytes;
    }
}
