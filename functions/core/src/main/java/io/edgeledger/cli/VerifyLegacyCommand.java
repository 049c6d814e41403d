package io.edgeledger.cli;

import io.edgeledger.ledger.legacy.LegacyBatch;
import io.edgeledger.ledger.legacy.LegacyFinding;
import io.edgeledger.ledger.legacy.LegacyLedger;
import io.edgeledger.ledger.legacy.LegacyLeaves;
import io.edgeledger.ledger.legacy.LegacyVerdict;
import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.near.rpc.NearRpcException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger verify-legacy --bucket B --batch ID [--row FILE | --leaf-hash H]}: a batch the original ETRAP agent
 * wrote, read in place and checked against its token's {@code batch_summary.merkle_root}; with a row (or the Debezium
 * event that carried it) or a leaf hash, that leaf too. Prints the verdict and every finding; exit 0 only for
 * {@code verified}.
 */
@Command(name = "verify-legacy", mixinStandardHelpOptions = true,
        description = {"Verify a legacy ETRAP batch (scheme etrap-v1) in its own bucket against its NEAR token, and optionally one row of it.",
                "Prints 'verdict: verified|tampered|not_found|not_notarized' and the findings; exits 0 only when verified."})
final class VerifyLegacyCommand implements Callable<Integer> {
    @Mixin
    S3Options s3;

    @Mixin
    NearOptions near;

    @Option(names = "--prefix", description = "key prefix the agent's <database>/<table>/<batch_id>/ objects sit under (default: none)")
    String prefix = "";

    @Option(names = "--batch", required = true, description = "the batch id (= token id), e.g. BATCH-2026-12-07-7a0c457e-T0")
    String batchId;

    @Option(names = "--row", paramLabel = "FILE", description = "a row as JSON (as the change event carried it) or the whole Debezium event")
    Path row;

    @Option(names = "--leaf-hash", description = "an etrap-v1 leaf hash (64 hex) instead of a row")
    String leafHash;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        s3.requireLegacyBucket();
        if (row != null && leafHash != null) {
            throw CliException.badInput("give --row or --leaf-hash, not both");
        }
        if (leafHash != null && !leafHash.matches("[0-9a-fA-F]{64}")) {
            throw CliException.badInput("--leaf-hash must be 64 hex characters");
        }
        LegacyLeaves.Candidates leaf;
        try {
            leaf = row != null ? LegacyLeaves.ofRowOrEvent(CliInput.read(row)) : leafHash != null ? LegacyLeaves.Candidates.ofHash(leafHash) : null;
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(row + ": " + e.getMessage());
        }
        S3Settings settings = s3.settings();
        PrintWriter out = spec.commandLine().getOut();
        try (S3LedgerStore store = S3LedgerStore.open(settings)) {
            LegacyLedger ledger = new LegacyLedger(store, near.views());
            String batchPrefix = ledger.prefixOf(prefix, batchId)
                    .orElseThrow(() -> CliException.badInput("no legacy batch '" + batchId + "' under s3://" + settings.bucket() + "/" + prefix));
            LegacyBatch batch = ledger.read(batchPrefix);
            LegacyVerdict verdict = leaf == null ? ledger.verifyBatch(batch) : ledger.verifyLeaf(batch, leaf);
            print(out, settings.bucket(), batch, verdict);
            return verdict.included() ? LedgerCli.OK : LedgerCli.NEGATIVE;
        } catch (LedgerStoreException | software.amazon.awssdk.core.exception.SdkException e) {
            throw CliException.failed("S3 (" + settings + "): " + e.getMessage());
        } catch (NearRpcException e) {
            throw CliException.failed("NEAR: " + e.getMessage() + " (verification needs the chain)");
        }
    }

    private static void print(PrintWriter out, String bucket, LegacyBatch batch, LegacyVerdict v) {
        out.println("batch:      " + batch.batchId() + " (scheme " + LegacyBatch.SCHEME + ", s3://" + bucket + "/" + batch.prefix() + ")");
        out.println("verdict:    " + v.verdict());
        if (v.leafHash() != null) {
            out.println("leaf:       " + v.leafHash() + (v.leafIndex() >= 0 ? " at index " + v.leafIndex() + " of " + batch.leafHashes().size() : " (not in the batch)"));
        }
        out.println("root (S3):  " + (v.recomputedRoot() == null ? "none (no leaf readable)" : v.recomputedRoot()));
        out.println("root (NEAR): " + (v.chainRoot() == null ? "none" + (v.tokenFound() ? "" : " (no token)") : v.chainRoot()));
        for (String problem : v.problems()) {
            out.println("problem:    " + problem);
        }
        for (LegacyFinding f : v.findings()) {
            if (!f.kind().breaksVerification()) { // defects are among the problems already
                out.println("quirk:      " + f.kind() + " " + f.object() + ": " + f.detail());
            }
        }
    }
}
