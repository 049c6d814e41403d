import io.edgeledger.probe.devlog.DevlogCollector;
import io.edgeledger.probe.devlog.DevlogCounters;
import io.edgeledger.probe.devlog.DevlogReplay;
import io.edgeledger.probe.devlog.DevlogSink;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devlog benchmarks (run with bench/devlog/run.sh):
 *   throughput HOME     parse every log under HOME on the calling thread, report MB/s
 *   latency SCRATCH N   append N Claude lines one by one to a tailed file, report append -> sink latency p50/p99
 */
public final class DevlogBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "throughput" -> throughput(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            case "latency" -> latency(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("throughput HOME | latency SCRATCH N");
        }
    }

    static void throughput(Path home, int runs) throws Exception {
        for (int run = 1; run <= runs; run++) {
            AtomicLong events = new AtomicLong();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            DevlogCounters c = new DevlogReplay(w -> { }).scan(home, Set.of(), chunk -> events.addAndGet(chunk.size()));
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %d files, %.1f MB, %d events, %d warnings: wall %.2f s = %.0f MB/s, reader-thread CPU %.2f s = %.0f MB/s per core%n",
                    run, c.files(), c.bytes() / 1e6, events.get(), c.warnings(), s, c.bytes() / 1e6 / s, cpu, c.bytes() / 1e6 / cpu);
        }
    }

    static void latency(Path scratch, int n) throws Exception {
        Path home = scratch.resolve("home");
        Path file = home.resolve(".claude/projects/-home-alice-src-bench/11111111-2222-4333-8444-555555555555.jsonl");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        ConcurrentHashMap<String, Long> buffered = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Long> arrived = new ConcurrentHashMap<>();
        java.util.concurrent.Semaphore delivered = new java.util.concurrent.Semaphore(0);
        DevlogSink sink = (String batchId, List<DevlogEvent> events) -> {
            record(events, arrived);
            delivered.release(); // wake the appender without it burning a core while it waits
        };
        DevlogCollector.Options options = DevlogCollector.Options.defaults().withProgress(null).withWarnings(System.err::println)
                .withOnBuffered(events -> record(events, buffered));
        long[] latencies = new long[n];
        long[] toSink = new long[n];
        try (DevlogCollector collector = new DevlogCollector(home, scratch.resolve("state"), Set.of("claude-code"), sink, options)) {
            collector.backfill();
            collector.start();
            for (int i = -200; i < n; i++) { // the first 200 warm up the JIT and are not counted
                String key = "append " + i;
                String line = "{\"parentUuid\":null,\"isSidechain\":false,\"cwd\":\"/home/alice/src/bench\",\"sessionId\":\"11111111-2222-4333-8444-555555555555\","
                        + "\"version\":\"2.1.203\",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"" + key + "\"},"
                        + "\"uuid\":\"u-" + i + "\",\"timestamp\":\"2026-01-01T00:00:00.000Z\"}\n";
                long t0 = System.nanoTime();
                Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
                Long t1;
                while ((t1 = arrived.get(key)) == null || !buffered.containsKey(key)) {
                    delivered.tryAcquire(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                if (i >= 0) {
                    latencies[i] = buffered.get(key) - t0;
                    toSink[i] = t1 - t0;
                }
            }
        }
        report("append -> event in buffer", latencies);
        report("append -> event at sink  ", toSink);
    }

    private static void record(List<DevlogEvent> events, ConcurrentHashMap<String, Long> times) {
        long now = System.nanoTime();
        for (DevlogEvent e : events) {
            if (e.eventType().equals("user_message")) {
                times.putIfAbsent(e.data().get("text").asText(), now);
            }
        }
    }

    private static void report(String what, long[] latencies) {
        int n = latencies.length;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%s latency over %d appends: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                what, n, latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6, latencies[n - 1] / 1e6);
    }
}
