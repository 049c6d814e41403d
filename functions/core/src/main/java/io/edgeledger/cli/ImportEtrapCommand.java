package io.edgeledger.cli;

import io.edgeledger.ledger.legacy.LegacyImporter;
import io.edgeledger.ledger.legacy.LegacyIndex;
import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger import-etrap --bucket B [--prefix P]}: indexes the batches an original ETRAP agent wrote to bucket B
 * into the ledger bucket, so the API lists them beside new batches (scheme etrap-v1). No data is copied; a rerun skips
 * what is indexed already. A progress bar goes to stderr, one line per batch with defects and a total to stdout.
 */
@Command(name = "import-etrap", mixinStandardHelpOptions = true,
        description = {"Index a legacy ETRAP bucket's batches into the ledger bucket (no data copied; resumable).",
                "The ledger bucket is --ledger-bucket, else EDGELEDGER_S3_BUCKET, else edgeledger-ledger; both buckets use the same S3 endpoint and credentials."})
final class ImportEtrapCommand implements Callable<Integer> {
    private static final int BAR = 30;

    @Mixin
    S3Options s3;

    @Option(names = "--prefix", description = "only batches under this key prefix (default: the whole bucket)")
    String prefix = "";

    @Option(names = "--ledger-bucket", description = "EdgeLedger's own ledger bucket that receives the index")
    String ledgerBucket;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        s3.requireLegacyBucket();
        S3Settings source = s3.settings();
        S3Settings ledger = source.withBucket(ledgerBucket != null ? ledgerBucket : S3Settings.fromEnv(System.getenv()).bucket());
        if (ledger.bucket().equals(source.bucket())) {
            throw CliException.badInput("the ledger bucket must not be the legacy bucket (" + source.bucket() + "): give --ledger-bucket");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (S3LedgerStore legacy = S3LedgerStore.open(source); S3LedgerStore own = S3LedgerStore.open(ledger)) {
            LegacyImporter.Result result = LegacyImporter.run(legacy, prefix, new LegacyIndex(own), Clock.systemUTC(), p -> {
                int filled = p.total() == 0 ? BAR : p.done() * BAR / p.total();
                err.print("\rimport-etrap [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + p.done() + "/" + p.total());
                err.flush();
                if (p.entry() != null && !p.entry().intact()) {
                    out.println("defects\t" + p.entry().batchId() + "\ts3://" + source.bucket() + "/" + p.s3Prefix() + "\t"
                            + String.join(",", p.entry().findingKinds()));
                }
            });
            err.println();
            out.println("indexed " + result.indexed() + " legacy batch(es), " + result.alreadyIndexed() + " already indexed, " + result.withDefects()
                    + " with defects (check them with ledger verify-legacy); s3://" + source.bucket() + "/" + prefix + " -> s3://" + ledger.bucket()
                    + "/" + LegacyIndex.ROOT);
            if (result.listed() > 0) {
                out.println("listed " + result.listed() + " batch(es) an earlier import had indexed in the sorted listing the API pages through");
            }
            return LedgerCli.OK;
        } catch (LedgerStoreException | software.amazon.awssdk.core.exception.SdkException e) {
            err.println();
            throw CliException.failed("S3 (" + source + "): " + e.getMessage() + " (rerun to continue: indexed batches are kept)");
        }
    }
}
