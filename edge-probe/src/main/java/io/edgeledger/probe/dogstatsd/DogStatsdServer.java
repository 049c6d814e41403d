package io.edgeledger.probe.dogstatsd;

import io.edgeledger.probe.agent.aggregator.Aggregator;
import io.edgeledger.probe.agent.aggregator.Context;
import io.edgeledger.probe.agent.aggregator.MetricType;
import io.edgeledger.probe.agent.aggregator.TimeSampler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The DogStatsD UDP listener (127.0.0.1:8125 by default). One thread receives each datagram, parses it and adds its
 * metrics to the aggregator's 10 s time sampler under one lock per packet. Malformed lines are counted and skipped.
 */
public final class DogStatsdServer implements AutoCloseable {
    /** Datadog's default dogstatsd_buffer_size: the largest datagram read in full. */
    public static final int BUFFER_SIZE = 8192;
    /** Asked of the kernel; it is capped by net.core.rmem_max. */
    public static final int RECEIVE_BUFFER = 8 * 1024 * 1024;

    private final Aggregator aggregator;
    private final ContextResolver contexts;
    private final LongSupplier nowSeconds;
    private final DatagramChannel channel;
    private final Thread thread;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong metrics = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unsupported = new AtomicLong();

    public DogStatsdServer(InetSocketAddress bind, Aggregator aggregator, String hostname, LongSupplier nowSeconds)
            throws IOException {
        this.aggregator = aggregator;
        this.contexts = new ContextResolver(hostname);
        this.nowSeconds = nowSeconds;
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        try {
            channel.bind(bind);
        } catch (IOException e) {
            channel.close();
            throw new IOException("DogStatsD cannot listen on udp " + bind + ": " + e.getMessage()
                    + " (another agent on that port? set dogstatsd.port in edge-probe.yaml)", e);
        }
        this.thread = Thread.ofPlatform().name("dogstatsd-listener").daemon().unstarted(this::receiveLoop);
    }

    public DogStatsdServer start() {
        thread.start();
        return this;
    }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    public int receiveBufferBytes() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        DogStatsdParser parser = new DogStatsdParser();
        DogStatsdParser.Counts counts = new DogStatsdParser.Counts();
        TimeSampler sampler = aggregator.dogstatsd();
        long[] now = new long[1];
        DogStatsdParser.Handler handler = line -> {
            Context ctx = contexts.resolve(line);
            long ts = line.timestamp() > 0 ? line.timestamp() : now[0];
            if (line.type() == MetricType.SET) {
                sampler.addSetMember(ctx, line.member(), ts);
            } else {
                sampler.add(ctx, line.type(), line.value(), line.sampleRate(), ts);
            }
        };
        while (channel.isOpen()) {
            try {
                buffer.clear();
                channel.receive(buffer);
                now[0] = nowSeconds.getAsLong();
                counts.metrics = 0;
                counts.malformed = 0;
                counts.unsupported = 0;
                synchronized (aggregator.dogstatsdLock()) {
                    parser.parsePacket(buffer.array(), 0, buffer.position(), handler, counts);
                }
                packets.incrementAndGet();
                metrics.addAndGet(counts.metrics);
                if (counts.malformed > 0) {
                    malformed.addAndGet(counts.malformed);
                }
                if (counts.unsupported > 0) {
                    unsupported.addAndGet(counts.unsupported);
                }
            } catch (ClosedChannelException closed) { // includes AsynchronousCloseException from close()
                return;
            } catch (IOException e) {
                malformed.incrementAndGet(); // an unreadable datagram is a lost input: count it
            }
        }
    }

    public DogStatsdStats stats() {
        long conflicts;
        int size;
        synchronized (aggregator.dogstatsdLock()) { // the resolver is only touched under this lock
            conflicts = aggregator.dogstatsd().typeConflicts();
            size = contexts.size();
        }
        return new DogStatsdStats(packets.get(), metrics.get(), malformed.get(), unsupported.get(), conflicts, size);
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
