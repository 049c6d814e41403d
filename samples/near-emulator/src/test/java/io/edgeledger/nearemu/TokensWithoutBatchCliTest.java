package io.edgeledger.nearemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cli.LedgerCli;
import io.edgeledger.ledger.legacy.LegacySamples;
import io.edgeledger.testing.EmbeddedS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ledger tokens-without-batch} on the shared sample: the agent's recorded mints imported into the emulator as
 * {@code near emulator --import-legacy} does, and its bucket twice: whole, and as it would be after a crash between
 * mint and store (the orders batch T1 never stored), with the products batch T2 moved under {@code archive/} by an
 * operator. Only T1 is listed. A token of another bucket (EdgeLedger's own) is not the legacy bucket's business.
 */
class TokensWithoutBatchCliTest {
    private static final String BUCKET = LegacySamples.SAMPLE_BUCKET;
    private static final String T1 = "BATCH-2026-12-07-7a0c457e-T1";
    private static EmbeddedS3 whole;
    private static EmbeddedS3 crashed;
    private static NearEmulator near;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        whole = EmbeddedS3.start();
        whole.createBucket(BUCKET);
        try (S3Client client = whole.client()) {
            LegacySamples.upload(client, BUCKET, "");
        }
        crashed = EmbeddedS3.start();
        crashed.createBucket(BUCKET);
        try (S3Client client = crashed.client()) {
            LegacySamples.objects().forEach((key, file) -> {
                if (key.contains("-T1/")) {
                    return; // minted, then the agent died before it stored
                }
                String stored = key.contains("-T2/") ? "archive/" + key : key;
                client.putObject(b -> b.bucket(BUCKET).key(stored), RequestBody.fromFile(file));
            });
        }
        near = NearEmulator.start(EmulatorOptions.defaults().withCredentialsDir(dir.resolve("credentials")));
        assertThat(near.importLegacyMints(LegacySamples.mintsFile())).isEqualTo(new NearEmulator.LegacyImport(4, 0));
        // one token of EdgeLedger's own bucket on the same contract
        Path own = dir.resolve("own-mint.jsonl");
        String line = Files.readAllLines(LegacySamples.mintsFile()).get(0);
        Files.writeString(own, line.replace("\"token_id\": \"BATCH-2026-12-07-7a0c457e-T0\"", "\"token_id\": \"BATCH-2026-12-07-0f0f0f0f\"")
                .replace("\"s3_bucket\": \"" + BUCKET + "\"", "\"s3_bucket\": \"edgeledger-ledger\""));
        assertThat(near.importLegacyMints(own)).isEqualTo(new NearEmulator.LegacyImport(1, 0));
    }

    @AfterAll
    static void stop() {
        near.close();
        crashed.close();
        whole.close();
    }

    record Run(int code, String out, String err) {}

    private static Run cli(EmbeddedS3 s3, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("tokens-without-batch", "--endpoint", s3.endpoint().toString(), "--region", EmbeddedS3.REGION.id(),
                "--access-key", EmbeddedS3.ACCESS_KEY, "--secret-key", EmbeddedS3.SECRET_KEY, "--contract", near.contractId()));
        all.addAll(List.of(args));
        if (!all.contains("--rpc")) {
            all.addAll(List.of("--rpc", near.url().toString()));
        }
        int code = LedgerCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aTokenWhoseBatchNeverReachedTheBucketIsListedAndAMovedBatchIsFound() {
        Run run = cli(crashed, "--bucket", BUCKET);
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        List<String> listed = run.out().lines().filter(l -> l.startsWith("no-batch\t")).toList();
        assertThat(listed).singleElement().satisfies(line -> assertThat(line.split("\t")).containsExactly("no-batch", T1,
                "s3://" + BUCKET + "/etrapdb/orders/" + T1 + "/", "merkle_root=" + LegacySamples.mintedRoot(T1), "tx_count=500",
                "first_change=2024-05-01T09:00:00.037Z", "tables=etrapdb.orders"));
        assertThat(run.out()).contains("4 token(s) of " + near.contractId() + " name s3://" + BUCKET + ": 3 with their batch, 1 without",
                "1 other token(s) name another bucket");
        assertThat(run.err()).contains("5 token(s) of " + near.contractId() + " looked at").doesNotContain("Exception");
    }

    @Test
    void everyTokenOfTheWholeSampleHasItsBatch() {
        Run run = cli(whole, "--bucket", BUCKET);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("no-batch").contains("4 token(s) of " + near.contractId() + " name s3://" + BUCKET + ": 4 with their batch, 0 without");
    }

    @Test
    void aBucketNamedByNoTokenAndBadUsageAndAnUnreachableChainAreClearMessages() {
        whole.createBucket("etrap-elsewhere");
        Run none = cli(whole, "--bucket", "etrap-elsewhere");
        assertThat(none.out()).contains("0 token(s) of " + near.contractId() + " name s3://etrap-elsewhere: 0 with their batch, 0 without");
        assertThat(none.code()).isZero();

        StringWriter err = new StringWriter();
        assertThat(LedgerCli.run(new String[] {"tokens-without-batch"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("--bucket is required");

        Run noBucket = cli(whole, "--bucket", "etrap-never-created");
        assertThat(noBucket.code()).isEqualTo(1);
        assertThat(noBucket.err()).contains("ledger: S3 (").contains("NoSuchBucket").doesNotContain("\tat ");

        Run down = cli(crashed, "--bucket", BUCKET, "--rpc", "http://127.0.0.1:9", "--timeout", "2");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("ledger: NEAR (" + near.contractId() + "):").doesNotContain("\tat ");
        assertThat(down.out()).doesNotContain("no-batch");
    }
}
