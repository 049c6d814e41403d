package io.edgeledger.probe.traceroute.vnet;

import io.edgeledger.probe.traceroute.engine.PacketSource;
import java.io.IOException;
import java.net.Inet4Address;
import java.util.function.Consumer;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * The virtual network's capture: applies the protocol's BPF filter with libpcap's own compiler and
 * matcher (pcap_compile on a dead raw-IP handle, pcap_offline_filter; no device, no privilege), so a
 * filter that would drop a needed reply on a real host drops it here too.
 */
final class VirtualSource implements PacketSource {
    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.pcap4j", "warn"); // as net.Capture: no INFO chatter
    }

    private static final DataLinkType RAW_IP = DataLinkType.getInstance(12); // DLT_RAW: frames start at the IP header

    private static final Inet4Address NETMASK_UNKNOWN = (Inet4Address) VirtualNetwork.ip("255.255.255.255");

    private final BpfProgram filter;
    private final Consumer<VirtualSource> onClose;
    private volatile Receiver receiver;

    VirtualSource(String bpf, Consumer<VirtualSource> onClose) throws IOException {
        try {
            this.filter = Pcaps.compileFilter(512, RAW_IP, bpf, BpfProgram.BpfCompileMode.OPTIMIZE,
                    NETMASK_UNKNOWN);
        } catch (PcapNativeException e) {
            throw new IOException("BPF filter '" + bpf + "' rejected: " + e.getMessage(), e);
        }
        this.onClose = onClose;
    }

    @Override
    public void start(Receiver r) {
        receiver = r;
    }

    void offer(byte[] ipPacket, long nanos) {
        Receiver r = receiver;
        if (r == null) {
            return;
        }
        boolean pass;
        synchronized (filter) {
            pass = !filter.isFreed() && filter.applyFilter(ipPacket);
        }
        if (pass) {
            r.onPacket(ipPacket, 0, nanos);
        }
    }

    @Override
    public void close() {
        onClose.accept(this);
        receiver = null;
        synchronized (filter) {
            filter.free();
        }
    }
}
