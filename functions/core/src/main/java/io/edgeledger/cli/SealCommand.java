package io.edgeledger.cli;

import io.edgeledger.ledger.batch.BatchEntry;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.ledger.store.VerifiedBatch;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger seal FILE|DIR...}: seals Debezium sample files into leaf-v2 / rfc6962 batches (one per
 * stream and file) in S3, reads each back and recomputes its root, and prints one line per batch:
 * batch id, table, leaf count, root, location (tab-separated).
 */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Seal Debezium samples (Redis entries *.jsonl, Kafka records *.events.json, or directories of them) into S3 batches.",
                "Prints: batch_id <TAB> table <TAB> leaf_count <TAB> root <TAB> s3://bucket/prefix.",
                "S3 settings default to EDGELEDGER_S3_ENDPOINT, EDGELEDGER_S3_BUCKET, EDGELEDGER_S3_REGION, EDGELEDGER_S3_ACCESS_KEY, EDGELEDGER_S3_SECRET_KEY."})
final class SealCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Mixin
    S3Options s3;

    @Option(names = "--create-bucket", description = "create the bucket if it does not exist")
    boolean createBucket;

    @Option(names = "--network", description = "NEAR network recorded in the pending mint (emulator, testnet, mainnet)")
    String network;

    @Option(names = "--contract", description = "notary contract account recorded in the pending mint")
    String contract;

    @Option(names = "--null-placeholder", defaultValue = "default", description = "the Redis sink's null key/value text (default: ${DEFAULT-VALUE})")
    String nullPlaceholder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = expand(files);
        S3Settings settings = s3.settings();
        PrintWriter out = spec.commandLine().getOut();
        BatchSealer sealer = new BatchSealer(settings.bucket(), network, contract, Clock.systemUTC());
        try (S3LedgerStore store = S3LedgerStore.open(settings)) {
            if (createBucket) {
                store.ensureBucket();
            }
            for (int i = 0; i < inputs.size(); i++) {
                Path file = inputs.get(i);
                for (Map.Entry<String, List<BatchEntry>> stream : SampleEntries.byStream(file, i, nullPlaceholder).entrySet()) {
                    Manifest m = store.writeBatch(sealer.seal(stream.getKey(), stream.getValue()));
                    VerifiedBatch back = store.readBatch(m.s3Prefix());
                    out.println(String.join("\t", m.batchId(), m.database() + "." + m.table(), Long.toString(m.leafCount()),
                            back.manifest().root(), "s3://" + m.s3Bucket() + "/" + m.s3Prefix()));
                }
            }
        } catch (LedgerStoreException | software.amazon.awssdk.core.exception.SdkException e) {
            throw CliException.failed("S3 (" + settings + "): " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage());
        }
        return LedgerCli.OK;
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.toString().endsWith(".jsonl") || f.toString().endsWith(".events.json")).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw CliException.badInput(p + ": no such file or directory");
            }
        }
        if (out.isEmpty()) {
            throw CliException.badInput("no *.jsonl or *.events.json files in " + paths);
        }
        return out;
    }
}
