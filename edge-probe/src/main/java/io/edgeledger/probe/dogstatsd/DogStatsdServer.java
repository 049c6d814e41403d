package io.edgeledger.probe.dogstatsd;

import io.edgeledger.probe.agent.aggregator.Aggregator;
import io.edgeledger.probe.agent.aggregator.Context;
import io.edgeledger.probe.agent.aggregator.MetricType;
import io.edgeledger.probe.agent.aggregator.TimeSampler;
import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The DogStatsD UDP listener (127.0.0.1:8125 by default). As in Datadog, reading and parsing are split: a listener
 * thread only copies datagrams into a queue of pooled buffers ({@value #QUEUE_PACKETS} packets, like
 * {@code dogstatsd_queue_size}), so the kernel's socket buffer is emptied quickly even when parsing falls behind for a
 * moment; a worker thread parses each packet and adds its metrics to the aggregator's 10 s time sampler under one lock
 * per packet. Malformed lines are counted and skipped.
 */
public final class DogStatsdServer implements AutoCloseable {
    /** Datadog's default dogstatsd_buffer_size: the largest datagram read in full. */
    public static final int BUFFER_SIZE = 8192;
    /** Asked of the kernel; it is capped by net.core.rmem_max. */
    public static final int RECEIVE_BUFFER = 8 * 1024 * 1024;
    /** Packets that may wait between the listener and the worker (16 MiB of buffers). */
    public static final int QUEUE_PACKETS = 2048;

    private final java.util.concurrent.BlockingQueue<ByteBuffer> free =
            new java.util.concurrent.ArrayBlockingQueue<>(QUEUE_PACKETS);
    private final java.util.concurrent.BlockingQueue<ByteBuffer> full =
            new java.util.concurrent.ArrayBlockingQueue<>(QUEUE_PACKETS);
    private final Thread worker;
    private volatile boolean closed;

    private final Aggregator aggregator;
    private final ContextResolver contexts;
    private final LongSupplier nowSeconds;
    private final String hostname;
    private final DatagramChannel channel;
    private final Thread thread;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong metrics = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong serviceChecks = new AtomicLong();

    public DogStatsdServer(InetSocketAddress bind, Aggregator aggregator, String hostname, LongSupplier nowSeconds)
            throws IOException {
        this.aggregator = aggregator;
        this.contexts = new ContextResolver(hostname);
        this.nowSeconds = nowSeconds;
        this.hostname = hostname;
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        try {
            channel.bind(bind);
        } catch (IOException e) {
            channel.close();
            throw new IOException("DogStatsD cannot listen on udp " + bind + ": " + e.getMessage()
                    + " (another agent on that port? set dogstatsd.port in edge-probe.yaml)", e);
        }
        for (int i = 0; i < QUEUE_PACKETS; i++) {
            free.add(ByteBuffer.allocate(BUFFER_SIZE));
        }
        this.thread = Thread.ofPlatform().name("dogstatsd-listener").daemon().unstarted(this::receiveLoop);
        this.worker = Thread.ofPlatform().name("dogstatsd-worker").daemon().unstarted(this::parseLoop);
    }

    public DogStatsdServer start() {
        worker.start();
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
        while (channel.isOpen()) {
            ByteBuffer buffer;
            try {
                buffer = free.take(); // all buffers queued: wait, the kernel buffer holds the next packets meanwhile
            } catch (InterruptedException e) {
                return;
            }
            try {
                buffer.clear();
                channel.receive(buffer);
                buffer.flip();
                full.add(buffer);
            } catch (ClosedChannelException closed) { // includes AsynchronousCloseException from close()
                return;
            } catch (IOException e) {
                free.add(buffer);
                malformed.incrementAndGet(); // an unreadable datagram is a lost input: count it
            }
        }
    }

    private void parseLoop() {
        DogStatsdParser parser = new DogStatsdParser();
        DogStatsdParser.Counts counts = new DogStatsdParser.Counts();
        TimeSampler sampler = aggregator.dogstatsd();
        long[] now = new long[1];
        DogStatsdParser.Handler metricHandler = line -> {
            Context ctx = contexts.resolve(line);
            long ts = line.timestamp() > 0 ? line.timestamp() : now[0];
            if (line.type() == MetricType.SET) {
                sampler.addSetMember(ctx, line.member(), ts);
            } else {
                sampler.add(ctx, line.type(), line.value(), line.sampleRate(), ts);
            }
        };
        DogStatsdParser.Handler handler = new DogStatsdParser.Handler() {
            @Override
            public void metric(MetricLine line) {
                metricHandler.metric(line);
            }

            @Override
            public void event(Event event) {
                aggregator.addEvent(event.withDefaults(hostname, now[0], java.util.List.of()));
            }

            @Override
            public void serviceCheck(ServiceCheck check) {
                aggregator.addServiceCheck(check.withDefaults(hostname, now[0], java.util.List.of()));
            }
        };
        while (!closed || !full.isEmpty()) {
            ByteBuffer buffer;
            try {
                buffer = full.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (buffer == null) {
                continue;
            }
            now[0] = nowSeconds.getAsLong();
            counts.metrics = 0;
            counts.malformed = 0;
            counts.events = 0;
            counts.serviceChecks = 0;
            synchronized (aggregator.dogstatsdLock()) {
                parser.parsePacket(buffer.array(), 0, buffer.limit(), handler, counts);
            }
            free.add(buffer);
            packets.incrementAndGet();
            metrics.addAndGet(counts.metrics);
            if (counts.malformed > 0) {
                malformed.addAndGet(counts.malformed);
            }
            events.addAndGet(counts.events);
            serviceChecks.addAndGet(counts.serviceChecks);
        }
    }

    /** Packets read but not parsed yet. */
    public int queued() {
        return full.size();
    }

    public DogStatsdStats stats() {
        long conflicts;
        int size;
        synchronized (aggregator.dogstatsdLock()) { // the resolver is only touched under this lock
            conflicts = aggregator.dogstatsd().typeConflicts();
            size = contexts.size();
        }
        return new DogStatsdStats(packets.get(), metrics.get(), malformed.get(), events.get(), serviceChecks.get(),
                conflicts, size);
    }

    @Override
    public void close() throws IOException {
        channel.close();
        closed = true; // the worker drains what was read, then stops
        try {
            thread.join(2000);
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
