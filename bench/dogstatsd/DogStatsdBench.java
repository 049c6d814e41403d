import io.edgeledger.probe.agent.aggregator.Aggregator;
import io.edgeledger.probe.dogstatsd.DogStatsdServer;
import io.edgeledger.probe.dogstatsd.DogStatsdStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DogStatsD throughput: a generator thread sends multi-metric UDP packets to the real listener (same JVM, loopback)
 * at a paced offered rate; the listener parses them into the aggregator's time sampler. For each rate we report what
 * was sent, what reached the aggregator and the loss. Every rate runs twice in the same JVM: metrics only, then
 * with 10 % of the lines events and service checks (issue 19). Usage: java -cp <edge-probe classpath>
 * DogStatsDBench.java [seconds per step] [rates...]
 */
public class DogStatsdBench {
    static final int LINES_PER_PACKET = 150; // ~ 6 KB, under Datadog's 8 KB dogstatsd_buffer_size
    static final int CONTEXTS = 1000;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> rates = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            rates.add(Long.parseLong(args[i]));
        }
        if (rates.isEmpty()) {
            rates = List.of(250_000L, 500_000L, 1_000_000L, 1_500_000L, 2_000_000L, 0L);
        }
        List<byte[]> metricsOnly = packets(false);
        List<byte[]> mixed = packets(true);
        System.out.printf("cores=%d, java=%s, %d lines/packet, %d contexts, %d s per step, load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), LINES_PER_PACKET, CONTEXTS, seconds,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        System.out.println("| mix | offered lines/s | sent lines/s | into aggregator metrics/s | events + service checks/s | loss |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        // warm-up (JIT), not reported
        step(metricsOnly, 500_000, 3, false, "");
        step(mixed, 500_000, 3, false, "");
        for (long rate : rates) {
            step(metricsOnly, rate, seconds, true, "metrics only");
            step(mixed, rate, seconds, true, "10 % events + service checks");
        }
    }

    static void step(List<byte[]> packets, long rate, int seconds, boolean print, String mix) throws Exception {
        Aggregator aggregator = new Aggregator();
        // the agent flushes events and service checks every 15 s; here every 200 ms keeps the heap flat
        java.util.concurrent.atomic.AtomicLong nonMetrics = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ScheduledExecutorService drainer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        Runnable drain = () -> nonMetrics.addAndGet(aggregator.flushEvents().size() + aggregator.flushServiceChecks().size());
        drainer.scheduleAtFixedRate(drain, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        try (DogStatsdServer server = new DogStatsdServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), aggregator, "bench",
                () -> System.currentTimeMillis() / 1000).start();
             DatagramChannel out = DatagramChannel.open()) {
            out.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            long packetsPerSecond = rate == 0 ? Long.MAX_VALUE : Math.max(1, rate / LINES_PER_PACKET);
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long sent = 0;
            int i = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                long due = rate == 0 ? Long.MAX_VALUE : (now - start) * packetsPerSecond / 1_000_000_000L;
                if (sent >= due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000); // leave the CPU to the listener
                    continue;
                }
                out.write(ByteBuffer.wrap(packets.get(i++ % packets.size())));
                sent++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long sentMetrics = sent * LINES_PER_PACKET;
            // let the listener drain its socket buffer
            long last = -1;
            for (int k = 0; k < 100; k++) {
                Thread.sleep(50);
                long m = server.stats().metrics();
                if (m == last) {
                    break;
                }
                last = m;
            }
            drainer.shutdown();
            drainer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            drain.run();
            long intoAggregator = aggregator.dogstatsdSamples();
            DogStatsdStats stats = server.stats();
            if (stats.malformed() != 0) {
                throw new IllegalStateException("bench packets should parse: " + stats);
            }
            if (print) {
                long received = intoAggregator + nonMetrics.get();
                System.out.printf("| %s | %s | %,.0f | %,.0f | %,.0f | %.3f %% |%n", mix,
                        rate == 0 ? "unpaced" : String.format("%,d", rate), sentMetrics / elapsed,
                        intoAggregator / elapsed, nonMetrics.get() / elapsed,
                        100.0 * (sentMetrics - received) / Math.max(1, sentMetrics));
            }
        }
    }

    /** With {@code mixed}, every tenth line is an event or a service check (alternately), unicode title included. */
    static List<byte[]> packets(boolean mixed) {
        List<byte[]> out = new ArrayList<>();
        String[] types = {"c", "c", "g", "ms", "h"};
        int n = 0;
        for (int p = 0; p < 64; p++) {
            StringBuilder sb = new StringBuilder();
            for (int l = 0; l < LINES_PER_PACKET; l++, n++) {
                int ctx = n % CONTEXTS;
                if (mixed && l % 10 == 9) {
                    if ((l / 10) % 2 == 0) {
                        sb.append("_sc|bench.svc.").append(ctx % 20).append('|').append(n % 4)
                                .append("|#env:bench|m:check ").append(n % 97).append('\n');
                    } else {
                        String title = "déploiement " + ctx % 50;
                        String text = "build " + n % 997 + " rolled out";
                        sb.append("_e{").append(title.getBytes(StandardCharsets.UTF_8).length).append(',')
                                .append(text.length()).append("}:").append(title).append('|').append(text)
                                .append("|t:info|#env:bench\n");
                    }
                    continue;
                }
                sb.append("bench.metric.").append(ctx % 100).append(':').append(n % 97).append('|')
                        .append(types[ctx % types.length]);
                if (ctx % 7 == 0) {
                    sb.append("|@0.5");
                }
                sb.append("|#env:bench,shard:").append(ctx / 100).append('\n');
            }
            out.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
