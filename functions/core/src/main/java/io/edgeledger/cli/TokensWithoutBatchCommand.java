package io.edgeledger.cli;

import io.edgeledger.ledger.legacy.TokensWithoutBatch;
import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.near.notary.NotaryViews;
import io.edgeledger.near.rpc.NearRpcException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger tokens-without-batch --bucket B [--prefix P]}: the tokens the original ETRAP agent minted for bucket B
 * whose batch never reached it (the agent minted first and stored afterwards; a crash between left the token alone).
 * One {@code no-batch} line per such token on stdout, then a total; a progress count on stderr. Exit 0 when every
 * token has its batch, 1 when some have not (or the check could not finish: one line on stderr), 2 on bad usage.
 */
@Command(name = "tokens-without-batch", mixinStandardHelpOptions = true,
        description = {"List the NEAR tokens of a legacy ETRAP bucket whose batch is not in it (minted, never stored).",
                "Walks every token of the notary contract (nft_tokens); those whose batch_summary.s3_bucket is --bucket are looked for at their",
                "s3_key, or by batch id under --prefix. Exit 0: every token has its batch; 1: some have not (listed) or the check failed; 2: bad usage."})
final class TokensWithoutBatchCommand implements Callable<Integer> {
    @Mixin
    S3Options s3;

    @Mixin
    NearOptions near;

    @Option(names = "--prefix", description = "key prefix to look for moved batches under, by batch id (default: the whole bucket)")
    String prefix = "";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        s3.requireLegacyBucket();
        S3Settings settings = s3.settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NotaryViews chain = near.views();
        TokensWithoutBatch.Result result;
        try (S3LedgerStore store = S3LedgerStore.open(settings)) {
            result = TokensWithoutBatch.find(chain, store, prefix, seen -> {
                err.print("\rtokens-without-batch: " + seen + " token(s) of " + chain.contractId() + " looked at");
                err.flush();
            });
            err.println();
        } catch (LedgerStoreException | software.amazon.awssdk.core.exception.SdkException e) {
            err.println();
            throw CliException.failed("S3 (" + settings + "): " + e.getMessage());
        } catch (NearRpcException e) {
            err.println();
            throw CliException.failed("NEAR (" + chain.contractId() + "): " + e.getMessage() + " (the tokens are read from the chain)");
        }
        for (TokensWithoutBatch.Missing m : result.missing()) {
            out.println("no-batch\t" + m.tokenId() + "\ts3://" + settings.bucket() + "/" + m.s3Key() + "\tmerkle_root=" + m.merkleRoot()
                    + "\ttx_count=" + m.txCount() + "\tfirst_change=" + (m.timestampMs() == null ? "unknown" : Instant.ofEpochMilli(m.timestampMs()))
                    + "\ttables=" + m.database() + "." + String.join(",", m.tables()));
        }
        String bucket = "s3://" + settings.bucket();
        out.println(result.tokens() + " token(s) of " + chain.contractId() + " name " + bucket + ": " + result.stored() + " with their batch, "
                + result.missing().size() + " without" + (result.missing().isEmpty() ? "" : " (listed above: minted, never stored; their events cannot be"
                + " proven from S3)") + "; " + result.otherBuckets() + " other token(s) name another bucket");
        return result.missing().isEmpty() ? LedgerCli.OK : LedgerCli.NEGATIVE;
    }
}
