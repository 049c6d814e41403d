package io.edgeledger.near.codec;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Reads Borsh; every read checks the remaining length so truncated input fails with a clear message. */
public final class BorshReader {
    private final byte[] data;
    private int position;

    public BorshReader(byte[] data) {
        this.data = data;
    }

    public int u8() {
        require(1, "u8");
        return data[position++] & 0xff;
    }

    public long u32() {
        require(4, "u32");
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (long) (data[position++] & 0xff) << (8 * i);
        }
        return value;
    }

    /** u64 as a Java long holding the unsigned value. */
    public long u64() {
        require(8, "u64");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) (data[position++] & 0xff) << (8 * i);
        }
        return value;
    }

    public BigInteger u128() {
        require(16, "u128");
        byte[] be = new byte[16];
        for (int i = 0; i < 16; i++) {
            be[15 - i] = data[position + i];
        }
        position += 16;
        return new BigInteger(1, be);
    }

    public byte[] bytes() {
        long length = u32();
        if (length > remaining()) {
            throw new IllegalArgumentException("borsh: length " + length + " exceeds the " + remaining() + " bytes left");
        }
        return fixed((int) length);
    }

    public String string() {
        byte[] raw = bytes();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("borsh: string is not valid UTF-8");
        }
    }

    public byte[] fixed(int length) {
        require(length, length + " bytes");
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    public void requireEnd(String what) {
        if (remaining() != 0) {
            throw new IllegalArgumentException("borsh: " + remaining() + " trailing bytes after " + what);
        }
    }

    private void require(int n, String what) {
        if (remaining() < n) {
            throw new IllegalArgumentException("borsh: truncated input reading " + what + " at offset " + position);
        }
    }
}
