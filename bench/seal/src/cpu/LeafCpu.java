import io.edgeledger.debezium.SampleFiles;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seal computation (entry text to leaf-v2 bytes and leaf hash) against raw SHA-256 of the same entry bytes, in
 * this thread's CPU time, interleaved round by round: on a machine shared with other builds CPU time moves far less
 * than JMH's wall time. Prints per round and the best round of each, in ns per event. Args: events.jsonl rounds.
 */
public class LeafCpu {
    public static void main(String[] args) throws Exception {
        List<SampleFiles.StreamEntry> all = SampleFiles.readRedisJsonl(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        List<List<Map.Entry<String, String>>> entries = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (SampleFiles.StreamEntry e : all) {
            entries.add(e.fields());
            StringBuilder sb = new StringBuilder();
            e.fields().forEach(f -> sb.append(f.getValue()));
            bytes.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // bytes allocated per event: unlike CPU time, the same on a loaded machine as on a quiet one
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) cpu;
        long allocated = Long.MAX_VALUE;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        double bestLeaf = Double.MAX_VALUE;
        double bestSha = Double.MAX_VALUE;
        long sink = 0;
        for (int r = 1; r <= rounds; r++) {
            long a0 = alloc.getCurrentThreadAllocatedBytes();
            long t0 = cpu.getCurrentThreadCpuTime();
            for (List<Map.Entry<String, String>> fields : entries) {
                if (LeafV2.fromRedisEntry(fields, "default") instanceof LeafOutcome.Leaf leaf) {
                    sink += leaf.hash()[0];
                }
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            allocated = Math.min(allocated, alloc.getCurrentThreadAllocatedBytes() - a0);
            for (byte[] b : bytes) {
                sink += sha.digest(b)[0];
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            double leafNs = (t1 - t0) / (double) entries.size();
            double shaNs = (t2 - t1) / (double) entries.size();
            bestLeaf = Math.min(bestLeaf, leafNs);
            bestSha = Math.min(bestSha, shaNs);
            System.out.printf("round %d: leaf %.0f ns/event, raw SHA-256 %.0f ns/event, ratio %.1f%n", r, leafNs, shaNs, leafNs / shaNs);
        }
        System.out.printf("best: leaf %.0f ns/event, raw SHA-256 %.0f ns/event, ratio %.1f (%d); leaf allocates %.0f bytes/event%n",
                bestLeaf, bestSha, bestLeaf / bestSha, sink & 1, allocated / (double) entries.size());
    }
}
