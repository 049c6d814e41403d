package io.edgeledger.probe.traceroute.net;

import io.edgeledger.probe.traceroute.engine.PacketSource;
import io.edgeledger.probe.traceroute.packet.LinkLayer;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;

/**
 * Inbound packet capture through libpcap (pcap4j, raw bytes only: no pcap4j packet objects), with a
 * BPF filter and immediate mode so each reply is handed over the moment it arrives.
 *
 * <p>libpcap 1.10's read timeout never fires on Linux (TPACKET_V3 with immediate mode blocks in poll),
 * so the reader thread blocks until a packet comes; {@link #close()} calls breakLoop() first, which
 * wakes it, and only then closes the handle (closing first would hang on pcap4j's handle lock).
 */
public final class Capture implements PacketSource {
    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.pcap4j", "warn");
    }

    private final PcapHandle handle;
    private final int dlt;
    private final String name;
    private volatile boolean closing;
    private volatile Thread started;

    private Capture(PcapHandle handle, String name) {
        this.handle = handle;
        this.dlt = handle.getDlt().value();
        this.name = name;
    }

    /** Loads libpcap and pcap4j's bindings ahead of use (start-up overlap on a second core). */
    public static void preload() {
        useVersionedLibpcapName();
        try {
            org.pcap4j.core.Pcaps.libVersion();
        } catch (Throwable e) {
            // reported properly when the capture is opened
        }
    }

    /**
     * pcap4j asks JNA for "pcap", which needs the -dev package's unversioned link or a child `ldconfig -p`
     * run; the runtime package (libpcap0.8, libpcap0.8t64) ships "libpcap.so.0.8", loaded directly.
     */
    private static void useVersionedLibpcapName() {
        String key = "org.pcap4j.core.pcapLibName";
        if (System.getProperty(key) == null && com.sun.jna.Platform.isLinux()) {
            System.setProperty(key, "libpcap.so.0.8");
        }
    }

    /** Opens a capture on the device (e.g. the route's interface, or "any") for inbound packets only. */
    public static Capture open(String device, String bpfFilter) throws IOException {
        useVersionedLibpcapName();
        PcapHandle h;
        try {
            h = new PcapHandle.Builder(device)
                    .snaplen(512) // replies are small; quotes fit
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(10)
                    .bufferSize(256 * 1024) // small ring: activation allocates it, keep start-up fast
                    .immediateMode(true)
                    .direction(PcapHandle.PcapDirection.IN)
                    .build();
        } catch (PcapNativeException e) {
            throw translate(e, device);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("libpcap could not be loaded (install libpcap0.8): " + e.getMessage(), e);
        }
        try {
            h.setFilter(bpfFilter, BpfProgram.BpfCompileMode.OPTIMIZE);
        } catch (PcapNativeException | NotOpenException e) {
            h.close();
            throw new IOException("BPF filter '" + bpfFilter + "' rejected: " + e.getMessage(), e);
        }
        return new Capture(h, device);
    }

    @Override
    public void start(Receiver sink) {
        Thread t = new Thread(() -> readLoop(sink), "capture-" + name);
        t.setDaemon(true);
        started = t;
        t.start();
    }

    private void readLoop(Receiver sink) {
        while (!closing) {
            byte[] frame;
            try {
                frame = handle.getNextRawPacketEx();
            } catch (TimeoutException e) {
                continue;
            } catch (EOFException | NotOpenException e) {
                return; // breakLoop() or closed
            } catch (PcapNativeException e) {
                if (closing) {
                    return;
                }
                continue;
            }
            long now = System.nanoTime();
            int ip = LinkLayer.ipOffset(dlt, frame);
            if (ip >= 0) {
                try {
                    sink.onPacket(frame, ip, now);
                } catch (RuntimeException e) {
                    // a bad packet must never stop the capture; parsers return null rather than throw
                }
            }
        }
    }

    private static IOException translate(PcapNativeException e, String device) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("ermission") || m.contains("not permitted")) {
            throw new MissingPrivilegeException("packet capture on " + device + " was refused");
        }
        return new IOException("cannot capture on " + device + ": " + m, e);
    }

    @Override
    public void close() {
        closing = true;
        try {
            handle.breakLoop();
        } catch (NotOpenException e) {
            return;
        }
        Thread t = started;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        handle.close();
    }
}
