package io.edgeledger.probe.traceroute.engine;

import java.io.IOException;
import java.net.InetAddress;

/** Where probes leave: complete IP packets (header included), sent byte for byte as built. */
public interface PacketSink extends AutoCloseable {
    void send(byte[] ipPacket, InetAddress destination) throws IOException;

    @Override
    void close();
}
