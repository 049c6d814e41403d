package io.edgeledger.near.codec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Borsh encoding: little-endian integers, u32-length-prefixed strings and byte vectors, fixed arrays raw. */
public final class BorshWriter {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public BorshWriter u8(int value) {
        out.write(value & 0xff);
        return this;
    }

    public BorshWriter u32(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** u64 from a Java long read as unsigned (so values above 2^63 survive). */
    public BorshWriter u64(long unsigned) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (unsigned >>> (8 * i)) & 0xff);
        }
        return this;
    }

    public BorshWriter u64(BigInteger value) {
        checkRange(value, U64_MAX, "u64");
        return u64(value.longValue());
    }

    public BorshWriter u128(BigInteger value) {
        checkRange(value, U128_MAX, "u128");
        byte[] le = new byte[16];
        byte[] be = value.toByteArray();
        for (int i = 0; i < be.length && i < 16; i++) {
            le[i] = be[be.length - 1 - i];
        }
        out.writeBytes(le);
        return this;
    }

    public BorshWriter string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Vec&lt;u8&gt;: u32 length then the bytes. */
    public BorshWriter bytes(byte[] value) {
        u32(value.length);
        out.writeBytes(value);
        return this;
    }

    /** [u8; N]: raw, no length. */
    public BorshWriter fixed(byte[] value, int length) {
        if (value.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes, got " + value.length);
        }
        out.writeBytes(value);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private static void checkRange(BigInteger value, BigInteger max, String type) {
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(type + " out of range: " + value);
        }
    }
}
