import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.notary.BatchSummary;
import io.edgeledger.near.notary.MintBatchArgs;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.notary.TokenMetadata;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.WaitUntil;
import io.edgeledger.near.tx.Action;
import io.edgeledger.near.tx.SignedTransaction;
import io.edgeledger.near.tx.Transaction;
import io.edgeledger.nearemu.EmulatorOptions;
import io.edgeledger.nearemu.Fault;
import io.edgeledger.nearemu.NearEmulator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * NEAR client benchmarks (run with bench/near/run.sh): signing throughput, and end-to-end mint latency
 * through the JSON-RPC client against the local emulator, clean and under each fault mode.
 */
public class NearBench {
    static volatile Object sink;

    public static void main(String[] args) {
        int signN = Integer.parseInt(System.getProperty("sign.n", "20000"));
        int mintN = Integer.parseInt(System.getProperty("mint.n", "200"));
        int faultN = Integer.parseInt(System.getProperty("fault.n", "10"));
        NearKeyPair key = NearKeyPair.fromSeed(new byte[32]);
        MintBatchArgs mintArgs = args("BATCH-2026-12-01-bench000", "minter.emulator");
        String json = mintArgs.toJson();
        byte[] block = new byte[32];

        // signing: borsh + SHA-256 + Ed25519 over a real mint_batch transaction
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < signN; i++) {
                Transaction tx = new Transaction("minter.emulator", key.publicKey(), 1000 + i, "notary.emulator", block,
                        List.of(Action.FunctionCall.json("mint_batch", json, NotaryConfig.DEFAULT_GAS, NotaryConfig.DEFAULT_DEPOSIT)));
                sink = tx.sign(key).base64();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (round == 1) {
                double cpuUs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / signN;
                System.out.printf("sign mint_batch tx (borsh+sha256+ed25519+base64, %d B args): %.0f tx/s wall (%.1f us/tx wall, %.1f us/tx CPU)%n",
                        json.length(), signN / secs, secs * 1e6 / signN, cpuUs);
            }
        }
        SignedTransaction signed = new Transaction("minter.emulator", key.publicKey(), 1, "notary.emulator", block,
                List.of(Action.FunctionCall.json("mint_batch", json, NotaryConfig.DEFAULT_GAS, NotaryConfig.DEFAULT_DEPOSIT))).sign(key);
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < signN; i++) {
                sink = SignedTransaction.decodeBase64(signed.base64()).verifySignature();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (round == 1) {
                System.out.printf("decode + verify signed tx (emulator side): %.0f tx/s wall (%.1f us/tx CPU)%n", signN / secs,
                        (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / signN);
            }
        }
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < signN * 10; i++) {
                sink = Base58.encode(signed.hash());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (round == 1) {
                System.out.printf("base58 encode 32 B: %.0f /s%n", signN * 10 / secs);
            }
        }

        try (NearEmulator near = NearEmulator.start(EmulatorOptions.defaults()
                .withSignerBalance(EmulatorOptions.ONE_NEAR.multiply(java.math.BigInteger.valueOf(1_000_000))))) {
            NotaryConfig config = new NotaryConfig(near.contractId(), near.signer(), NotaryConfig.DEFAULT_DEPOSIT,
                    NotaryConfig.DEFAULT_GAS, WaitUntil.EXECUTED_OPTIMISTIC, 6, 4, Duration.ofMillis(100));
            NotaryClient notary = new NotaryClient(new NearRpcClient(near.url(), Duration.ofMillis(Long.getLong("timeout.ms", 3000))), config);
            int[] counter = {0};
            for (int i = 0; i < 50; i++) { // warm-up
                notary.mintBatch(request(near, counter));
            }
            report("mint via emulator, no faults", mintN, () -> notary.mintBatch(request(near, counter)));
            report("second mintBatch of a minted batch (idempotent no-op)", mintN, () -> {
                MintRequest r = request(near, counter);
                notary.mintBatch(r);
                long t = System.nanoTime();
                notary.mintBatch(r);
                return System.nanoTime() - t;
            });
            for (Fault.Kind kind : Fault.Kind.values()) {
                int before = near.appliedTransactions();
                report("mint under fault " + kind, faultN, () -> {
                    near.faults().next(kind == Fault.Kind.DELAY ? Fault.delay(Duration.ofMillis(Long.getLong("timeout.ms", 3000) + 1000)) : Fault.of(kind));
                    return notary.mintBatch(request(near, counter));
                });
                System.out.printf("    applied transactions: %d for %d mints%n", near.appliedTransactions() - before, faultN);
            }
        }
    }

    interface Op {
        Object run();
    }

    static void report(String name, int n, Op op) {
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Object r = op.run();
            ns[i] = r instanceof Long inner ? inner : System.nanoTime() - t;
        }
        double secs = Arrays.stream(ns).sum() / 1e9; // time in the measured calls only
        Arrays.sort(ns);
        System.out.printf("%s: n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%.0f ops/s)%n", name, n,
                ns[n / 2] / 1e6, ns[(int) (n * 0.95)] / 1e6, ns[Math.min(n - 1, (int) (n * 0.99))] / 1e6, ns[n - 1] / 1e6, n / secs);
    }

    static MintRequest request(NearEmulator near, int[] counter) {
        return new MintRequest(args("BATCH-2026-12-01-" + String.format("%08x", counter[0]++), near.signer().accountId()), null);
    }

    static MintBatchArgs args(String tokenId, String receiver) {
        TokenMetadata metadata = new TokenMetadata("EdgeLedger batch " + tokenId, "Integrity certificate for 1000 changes from etrapdb.public.orders",
                null, null, 1L, "1796162400000", null, null, null,
                "{\"scheme\":\"rfc6962\",\"leaf_scheme\":\"leaf-v2\",\"stream\":\"etrap.public.orders\"}",
                "s3://edgeledger-ledger/etrapdb/public.orders/" + tokenId + "/batch-data.json", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        BatchSummary summary = new BatchSummary("etrapdb", List.of("public.orders"), 1700000000000L, 1000, "ab".repeat(32),
                "edgeledger-ledger", "etrapdb/public.orders/" + tokenId + "/", 456789, new BatchSummary.OperationCounts(700, 200, 100));
        return new MintBatchArgs(tokenId, receiver, metadata, summary);
    }
}
