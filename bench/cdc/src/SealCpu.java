import io.edgeledger.ledger.batch.BatchEntry;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.leaf.LeafV2;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU cost of sealing, without Redis or S3: reads the harness's RESP file of XADDs
 * (../shared/bench/cdc-throughput data), turns each 1000-entry chunk of a stream into leaf-v2 leaves and a
 * sealed batch (tree, indices, manifest), and reports per-batch latency percentiles and events/s.
 * Usage: java -cp ... SealCpu FILE.resp [rounds]
 */
public class SealCpu {
    /** CPU time of the sealing thread: steadier than wall time on a shared, loaded machine. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    record Entry(String id, List<Map.Entry<String, String>> fields) {}

    public static void main(String[] args) throws IOException {
        Map<String, List<Entry>> streams = read(args[0]);
        if (args.length > 1 && args[1].equals("--digest")) {
            digest(streams);
            return;
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BatchSealer sealer = new BatchSealer("bench", "emulator", "notary.emulator", Clock.systemUTC());
        for (int round = 1; round <= rounds; round++) {
            List<Long> nanos = new ArrayList<>();
            long events = 0;
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            for (var stream : streams.entrySet()) {
                List<Entry> entries = stream.getValue();
                for (int from = 0; from < entries.size(); from += 1000) {
                    List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + 1000));
                    long t0 = System.nanoTime();
                    List<BatchEntry> batch = new ArrayList<>(chunk.size());
                    for (Entry e : chunk) {
                        batch.add(new BatchEntry(e.id(), LeafV2.fromRedisEntry(e.fields(), "default")));
                    }
                    sealer.seal(stream.getKey(), batch);
                    nanos.add(System.nanoTime() - t0);
                    events += chunk.size();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicrosPerEvent = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / events;
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("round %d: %d events in %.2f s = %.0f events/s on one thread, %.2f µs CPU/event (this thread); per 1000-event batch p50 %.1f ms p99 %.1f ms%n",
                    round, events, seconds, events / seconds, cpuMicrosPerEvent, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }

    /**
     * One SHA-256 over every byte the seal path produces (each object, the manifest, every leaf) with a
     * fixed clock: run it against two builds of the core to prove an optimisation changed no output byte.
     */
    static void digest(Map<String, List<Entry>> streams) {
        BatchSealer sealer = new BatchSealer("bench", "emulator", "notary.emulator",
                Clock.fixed(java.time.Instant.parse("2026-12-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        java.security.MessageDigest all;
        try {
            all = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long batches = 0;
        for (var stream : streams.entrySet()) {
            List<Entry> entries = stream.getValue();
            for (int from = 0; from < entries.size(); from += 1000) {
                List<BatchEntry> batch = new ArrayList<>();
                for (Entry e : entries.subList(from, Math.min(entries.size(), from + 1000))) {
                    batch.add(new BatchEntry(e.id(), LeafV2.fromRedisEntry(e.fields(), "default")));
                }
                var sealed = sealer.seal(stream.getKey(), batch);
                sealed.objects().forEach((name, bytes) -> {
                    all.update(name.getBytes(StandardCharsets.UTF_8));
                    all.update(bytes);
                });
                all.update(sealed.manifestBytes());
                for (var leaf : sealed.leaves()) {
                    all.update(leaf.bytes());
                    all.update(leaf.hash());
                    all.update(leaf.keyJson().getBytes(StandardCharsets.UTF_8));
                }
                batches++;
            }
        }
        System.out.println(batches + " batches, output sha256 " + java.util.HexFormat.of().formatHex(all.digest()));
    }

    /** Parses "*N $len XADD $len stream $len id ($len field $len value)..." RESP commands. */
    static Map<String, List<Entry>> read(String file) throws IOException {
        Map<String, List<Entry>> streams = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file), 1 << 20))) {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                int n = Integer.parseInt(line(in));
                String[] parts = new String[n];
                for (int i = 0; i < n; i++) {
                    in.read(); // '$'
                    byte[] bytes = new byte[Integer.parseInt(line(in))];
                    in.readFully(bytes);
                    in.read();
                    in.read();
                    parts[i] = new String(bytes, StandardCharsets.UTF_8);
                }
                if (!parts[0].equalsIgnoreCase("XADD")) {
                    continue;
                }
                List<Map.Entry<String, String>> fields = new ArrayList<>();
                for (int i = 3; i + 1 < n; i += 2) {
                    fields.add(new AbstractMap.SimpleImmutableEntry<>(parts[i], parts[i + 1]));
                }
                streams.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(new Entry(parts[2], fields));
            }
        }
        return streams;
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != '\r') {
            sb.append((char) b);
        }
        in.read();
        return sb.toString();
    }
}
