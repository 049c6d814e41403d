package io.edgeledger.probe.traceroute.packet;

/** Finds where the IP packet starts in a captured frame for the link types a capture may report. */
public final class LinkLayer {
    private LinkLayer() {}

    public static final int DLT_EN10MB = 1;
    public static final int DLT_RAW = 12;
    public static final int DLT_RAW_ALT = 101;
    public static final int DLT_LINUX_SLL = 113;
    public static final int DLT_LINUX_SLL2 = 276;

    /** Offset of the IP header in the frame, or -1 when the frame is not IPv4/IPv6 or too short. */
    public static int ipOffset(int dlt, byte[] frame) {
        if (frame == null) {
            return -1;
        }
        return switch (dlt) {
            case DLT_EN10MB -> ethernet(frame);
            case DLT_RAW, DLT_RAW_ALT -> frame.length > 0 ? 0 : -1;
            case DLT_LINUX_SLL -> etherType(frame, 14, 16);
            case DLT_LINUX_SLL2 -> etherType(frame, 0, 20);
            default -> -1;
        };
    }

    private static int ethernet(byte[] f) {
        int p = 12;
        for (int tags = 0; tags < 2; tags++) {
            if (p + 2 > f.length) {
                return -1;
            }
            int type = Bytes.u16(f, p);
            if (type == 0x8100 || type == 0x88a8) {
                p += 4;
                continue;
            }
            return type == 0x0800 || type == 0x86dd ? (p + 2 < f.length ? p + 2 : -1) : -1;
        }
        return -1;
    }

    private static int etherType(byte[] f, int typeAt, int headerLen) {
        if (f.length <= headerLen) {
            return -1;
        }
        int type = Bytes.u16(f, typeAt);
        return type == 0x0800 || type == 0x86dd ? headerLen : -1;
    }
}
