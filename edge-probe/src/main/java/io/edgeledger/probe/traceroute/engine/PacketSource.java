package io.edgeledger.probe.traceroute.engine;

/** Where replies come from: inbound IP packets, already narrowed by the protocol's capture filter. */
public interface PacketSource extends AutoCloseable {
    /** Receives each packet (the IP header starts at {@code ipOffset}) and the System.nanoTime() it was read at. */
    interface Receiver {
        void onPacket(byte[] frame, int ipOffset, long nanos);
    }

    /** Starts handing packets to the receiver on the source's own thread. */
    void start(Receiver receiver);

    @Override
    void close();
}
