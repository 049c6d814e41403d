package io.edgeledger.bench.merkle;

import io.edgeledger.ledger.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * An rfc6962 tree over 1,000,000 leaf-v2-shaped leaves (leaves/s), beside the physical bound measured in
 * the same run: one SHA-256 over each leaf's bytes, nothing else. The tree does that plus the 0x00
 * prefix and n-1 interior node hashes, so it can approach but never beat the bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class MerkleTreeBenchmark {
    static final int LEAVES = 1_000_000;

    List<byte[]> leaves;

    @Setup
    public void makeLeaves() {
        SplittableRandom r = new SplittableRandom(42);
        leaves = new ArrayList<>(LEAVES);
        for (int i = 0; i < LEAVES; i++) {
            // the shape (and ~250-byte size) of a real leaf-v2 document for an orders row
            String leaf = "{\"key\":{\"id\":" + (100000 + i) + "},\"op\":\"" + "cudr".charAt(r.nextInt(4)) + "\",\"row\":{\"created_at\":\"2024-0"
                    + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T08:30:00.123456Z\",\"currency\":\"EUR\",\"customer_id\":" + r.nextInt(5000)
                    + ",\"id\":" + (100000 + i) + ",\"note\":null,\"order_no\":\"ORD-2024-" + i + "\",\"status\":\"SHIPPED\",\"total\":\""
                    + r.nextInt(100000) + "." + r.nextInt(100) + "\"},\"table\":\"etrapdb.public.orders\"}";
            leaves.add(leaf.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The bound: SHA-256 of each leaf's bytes, digests written into one array like the tree's leaf level. */
    @Benchmark
    @OperationsPerInvocation(LEAVES)
    public byte[] rawSha256OfTheLeafBytes() throws NoSuchAlgorithmException, DigestException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] out = new byte[LEAVES * 32];
        for (int i = 0; i < LEAVES; i++) {
            md.update(leaves.get(i));
            md.digest(out, i * 32, 32);
        }
        return out;
    }

    /** Leaf hashes, every interior node and the root. */
    @Benchmark
    @OperationsPerInvocation(LEAVES)
    public byte[] rfc6962Tree() {
        return MerkleTree.fromLeafData(leaves).root();
    }
}
