package io.edgeledger.bench.seal;

import io.edgeledger.debezium.SampleFiles;
import io.edgeledger.ledger.batch.BatchBuilder;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The seal computation per event (Debezium JSON parse, leaf-v2 decode, RFC 8785 bytes, SHA-256 leaf hash),
 * beside raw SHA-256 of the same events' bytes in the same run: the ratio is the figure to compare on a
 * loaded machine. Events: the cdc-throughput generator's JSONL (bench/seal/run.sh writes it), 1000 per
 * invocation, so every score is per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SealBenchmark {
    static final int PER_INVOCATION = 1000;

    List<List<Map.Entry<String, String>>> entries;
    /** The entry as it arrives: key and value field text, UTF-8. */
    byte[][] entryBytes;
    /** The leaf-v2 bytes the seal produces for the same entries. */
    byte[][] leafBytes;
    List<String> ids;
    MessageDigest sha256;
    BatchSealer sealer;

    @Setup
    public void load() throws Exception {
        List<SampleFiles.StreamEntry> all = SampleFiles.readRedisJsonl(Path.of(System.getProperty("seal.events", "/tmp/seal-events.jsonl")));
        // one table (the first stream), as a batch holds: a real batch never mixes tables
        String stream = all.get(0).stream();
        entries = new ArrayList<>();
        ids = new ArrayList<>();
        for (SampleFiles.StreamEntry e : all) {
            if (e.stream().equals(stream) && entries.size() < PER_INVOCATION) {
                entries.add(e.fields());
                ids.add(e.id());
            }
        }
        if (entries.size() < PER_INVOCATION) {
            throw new IllegalStateException("need " + PER_INVOCATION + " entries of " + stream + ", the file has " + entries.size());
        }
        entryBytes = new byte[entries.size()][];
        leafBytes = new byte[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            StringBuilder sb = new StringBuilder();
            entries.get(i).forEach(f -> sb.append(f.getValue()));
            entryBytes[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (LeafV2.fromRedisEntry(entries.get(i), "default") instanceof LeafOutcome.Leaf leaf) {
                leafBytes[i] = leaf.bytes();
            } else {
                leafBytes[i] = new byte[0];
            }
        }
        sha256 = MessageDigest.getInstance("SHA-256");
        sealer = new BatchSealer("bench", "emulator", "notary.emulator", Clock.systemUTC());
    }

    /** The bound: one SHA-256 over each entry's bytes as it arrives, nothing else. */
    @Benchmark
    @OperationsPerInvocation(PER_INVOCATION)
    public void rawSha256OfTheEntryBytes(Blackhole bh) {
        for (byte[] b : entryBytes) {
            bh.consume(sha256.digest(b));
        }
    }

    /** SHA-256 over each leaf's bytes (what the leaf hash costs on its own). */
    @Benchmark
    @OperationsPerInvocation(PER_INVOCATION)
    public void rawSha256OfTheLeafBytes(Blackhole bh) {
        for (byte[] b : leafBytes) {
            bh.consume(sha256.digest(b));
        }
    }

    /** The seal computation: entry fields -> leaf bytes and leaf hash. */
    @Benchmark
    @OperationsPerInvocation(PER_INVOCATION)
    public void leafOfEachEntry(Blackhole bh) {
        for (List<Map.Entry<String, String>> fields : entries) {
            bh.consume(LeafV2.fromRedisEntry(fields, "default"));
        }
    }

    /** Leaves plus the batch as the batcher seals it: each entry into the batch's bytes, then tree, indices, hashes, manifest. */
    @Benchmark
    @OperationsPerInvocation(PER_INVOCATION)
    public void leavesAndSealedBatch(Blackhole bh) {
        BatchBuilder batch = sealer.builder("bench.stream", 1 << 20);
        for (int i = 0; i < entries.size(); i++) {
            batch.add(ids.get(i), LeafV2.fromRedisEntry(entries.get(i), "default"));
        }
        bh.consume(batch.seal());
    }
}
