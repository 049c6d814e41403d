package io.edgeledger.probe.traceroute.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses captured IPv4/IPv6 packets without trusting the wire: every length is checked against the
 * bytes actually present, anything truncated, malformed or unknown yields {@code null}, never an exception.
 */
public final class PacketParser {
    private PacketParser() {}

    private static final int MAX_EXT_HEADERS = 8;

    /** Parses the IP packet at b[off, off+len); returns null when it is nothing the engine reads. */
    public static Inbound parse(byte[] b, int off, int len) {
        if (b == null || off < 0 || len <= 0 || off > b.length || len > b.length - off) {
            return null;
        }
        int version = (b[off] & 0xff) >>> 4;
        if (version == 4) {
            return parseV4(b, off, len);
        }
        if (version == 6) {
            return parseV6(b, off, len);
        }
        return null;
    }

    private static Inbound parseV4(byte[] b, int off, int len) {
        if (len < 20) {
            return null;
        }
        int ihl = (b[off] & 0x0f) * 4;
        int total = Bytes.u16(b, off + 2);
        if (ihl < 20 || ihl > len || total < ihl) {
            return null;
        }
        int end = off + Math.min(len, total);
        if ((Bytes.u16(b, off + 6) & 0x1fff) != 0) {
            return null; // a later fragment has no transport header
        }
        InetAddress from = addr(b, off + 12, 4);
        int proto = Bytes.u8(b, off + 9);
        int t = off + ihl;
        if (proto == IpProto.ICMP) {
            return icmp(b, t, end, from, false);
        }
        if (proto == IpProto.TCP) {
            return tcp(b, t, end, from);
        }
        return null;
    }

    private static Inbound parseV6(byte[] b, int off, int len) {
        if (len < 40) {
            return null;
        }
        int payload = Bytes.u16(b, off + 4);
        int end = off + Math.min(len, 40 + payload);
        InetAddress from = addr(b, off + 8, 16);
        int[] next = skipExtensions(b, off + 40, end, Bytes.u8(b, off + 6));
        if (next == null) {
            return null;
        }
        if (next[0] == IpProto.ICMPV6) {
            return icmp(b, next[1], end, from, true);
        }
        if (next[0] == IpProto.TCP) {
            return tcp(b, next[1], end, from);
        }
        return null;
    }

    /** Returns {protocol, offset} after IPv6 extension headers, or null if they run out of bounds. */
    private static int[] skipExtensions(byte[] b, int p, int end, int nh) {
        for (int i = 0; i < MAX_EXT_HEADERS; i++) {
            switch (nh) {
                case 0, 43, 60 -> {
                    if (p + 2 > end) {
                        return null;
                    }
                    int hdrLen = (Bytes.u8(b, p + 1) + 1) * 8;
                    nh = Bytes.u8(b, p);
                    p += hdrLen;
                    if (p > end) {
                        return null;
                    }
                }
                case 44 -> {
                    if (p + 8 > end || (Bytes.u16(b, p + 2) & 0xfff8) != 0) {
                        return null; // truncated, or not the first fragment
                    }
                    nh = Bytes.u8(b, p);
                    p += 8;
                }
                default -> {
                    return new int[] {nh, p};
                }
            }
        }
        return null;
    }

    private static Inbound icmp(byte[] b, int p, int end, InetAddress from, boolean v6) {
        if (p + 8 > end) {
            return null;
        }
        int type = Bytes.u8(b, p);
        boolean timeExceeded = v6 ? type == 3 : type == 11;
        boolean unreachable = v6 ? type == 1 : type == 3;
        boolean echoReply = v6 ? type == 129 : type == 0;
        if (echoReply) {
            return new Inbound.EchoReply(from, Bytes.u16(b, p + 4), Bytes.u16(b, p + 6));
        }
        if (!timeExceeded && !unreachable) {
            return null;
        }
        Quote q = quote(b, p + 8, end);
        return q == null ? null : new Inbound.IcmpError(from, timeExceeded, q);
    }

    /** Parses the quoted probe: inner IP header plus at least the 8 first transport bytes. */
    static Quote quote(byte[] b, int p, int end) {
        if (p >= end) {
            return null;
        }
        int version = (b[p] & 0xff) >>> 4;
        int proto;
        int ipId = -1;
        int t;
        InetAddress src;
        InetAddress dst;
        if (version == 4) {
            if (p + 20 > end) {
                return null;
            }
            int ihl = (b[p] & 0x0f) * 4;
            if (ihl < 20 || p + ihl > end) {
                return null;
            }
            proto = Bytes.u8(b, p + 9);
            ipId = Bytes.u16(b, p + 4);
            src = addr(b, p + 12, 4);
            dst = addr(b, p + 16, 4);
            t = p + ihl;
        } else if (version == 6) {
            if (p + 40 > end) {
                return null;
            }
            src = addr(b, p + 8, 16);
            dst = addr(b, p + 24, 16);
            int[] next = skipExtensions(b, p + 40, end, Bytes.u8(b, p + 6));
            if (next == null) {
                return null;
            }
            proto = next[0];
            t = next[1];
        } else {
            return null;
        }
        if (t + 8 > end) {
            return null;
        }
        return switch (proto) {
            case IpProto.UDP -> new Quote(src, dst, proto, ipId, Bytes.u16(b, t), Bytes.u16(b, t + 2),
                    Bytes.u16(b, t + 4), Bytes.u16(b, t + 6), -1, -1, -1, -1);
            case IpProto.TCP -> new Quote(src, dst, proto, ipId, Bytes.u16(b, t), Bytes.u16(b, t + 2),
                    -1, -1, Bytes.u32(b, t + 4), -1, -1, -1);
            case IpProto.ICMP, IpProto.ICMPV6 -> new Quote(src, dst, proto, ipId, -1, -1, -1, -1, -1,
                    Bytes.u8(b, t), Bytes.u16(b, t + 4), Bytes.u16(b, t + 6));
            default -> null;
        };
    }

    private static Inbound tcp(byte[] b, int p, int end, InetAddress from) {
        if (p + 20 > end) {
            return null;
        }
        int doff = ((b[p + 12] & 0xff) >>> 4) * 4;
        if (doff < 20 || p + doff > end) {
            return null;
        }
        boolean sackOk = false;
        boolean hasTs = false;
        long tsVal = 0;
        long tsEcr = 0;
        long[] edges = new long[0];
        int o = p + 20;
        int optEnd = p + doff;
        while (o < optEnd) {
            int kind = Bytes.u8(b, o);
            if (kind == 0) {
                break;
            }
            if (kind == 1) {
                o++;
                continue;
            }
            if (o + 2 > optEnd) {
                return null;
            }
            int olen = Bytes.u8(b, o + 1);
            if (olen < 2 || o + olen > optEnd) {
                return null;
            }
            if (kind == 4 && olen == 2) {
                sackOk = true;
            } else if (kind == 8 && olen == 10) {
                hasTs = true;
                tsVal = Bytes.u32(b, o + 2);
                tsEcr = Bytes.u32(b, o + 6);
            } else if (kind == 5 && (olen - 2) % 8 == 0) {
                int n = (olen - 2) / 8;
                edges = new long[n];
                for (int i = 0; i < n; i++) {
                    edges[i] = Bytes.u32(b, o + 2 + 8 * i);
                }
            }
            o += olen;
        }
        return new Inbound.Tcp(from, Bytes.u16(b, p), Bytes.u16(b, p + 2), Bytes.u32(b, p + 4),
                Bytes.u32(b, p + 8), Bytes.u8(b, p + 13), sackOk, tsVal, tsEcr, hasTs, edges);
    }

    private static InetAddress addr(byte[] b, int off, int len) {
        try {
            return InetAddress.getByAddress(Bytes.slice(b, off, len));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: fixed-length address", e);
        }
    }
}
