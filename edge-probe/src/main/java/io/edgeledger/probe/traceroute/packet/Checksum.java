package io.edgeledger.probe.traceroute.packet;

/** The Internet checksum (RFC 1071), with the IPv4/IPv6 pseudo-headers transport checksums need. */
public final class Checksum {
    private Checksum() {}

    static long sum(byte[] b, int off, int len, long acc) {
        int i = off;
        int end = off + len;
        for (; i + 1 < end; i += 2) {
            acc += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            acc += (b[i] & 0xff) << 8;
        }
        return acc;
    }

    static int fold(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) (~acc & 0xffff);
    }

    public static int of(byte[] b, int off, int len) {
        return fold(sum(b, off, len, 0));
    }

    /** Transport checksum over a pseudo-header made of the two addresses, protocol and length. */
    public static int transport(byte[] src, byte[] dst, int protocol, byte[] b, int off, int len) {
        long acc = sum(src, 0, src.length, 0);
        acc = sum(dst, 0, dst.length, acc);
        acc += protocol;
        acc += len & 0xffff;
        acc += len >>> 16;
        int c = fold(sum(b, off, len, acc));
        return c;
    }

    /**
     * The 16-bit word that, written where a zero word was (at an even offset of the summed bytes), turns
     * checksum {@code current} into {@code wanted}: Paris traceroute's way of making the checksum carry
     * the probe identity (UDP) or stay constant whatever the sequence (ICMP).
     */
    public static int compensation(int current, int wanted) {
        long s = ((~wanted) & 0xffff) + (current & 0xffff);
        s = (s & 0xffff) + (s >>> 16);
        return (int) s & 0xffff;
    }
}
