package io.edgeledger.ledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.cli.LedgerCli;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.testing.EmbeddedS3;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code ledger import-etrap}: indexes the sample bucket into the ledger bucket, resumably, without copying data. */
class ImportEtrapCliTest {
    private static final String LEGACY = LegacySamples.SAMPLE_BUCKET;
    private static final String LEDGER = "edgeledger-ledger";
    private static final String BROKEN = "etrap-broken-import";
    private static EmbeddedS3 server;
    private static S3Client s3;
    private static S3LedgerStore ledger;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.start();
        s3 = server.client();
        for (String b : List.of(LEGACY, LEDGER, BROKEN)) {
            server.createBucket(b);
        }
        LegacySamples.upload(s3, LEGACY, "");
        LegacySamples.upload(s3, BROKEN, "archive/");
        String t1 = "archive/etrapdb/orders/BATCH-2026-12-07-7a0c457e-T1/batch-data.json";
        s3.putObject(b -> b.bucket(BROKEN).key(t1), RequestBody.fromString("{\"batch_info\": {\"batch_id\"", StandardCharsets.UTF_8));
        ledger = S3LedgerStore.open(new S3Settings(server.endpoint(), EmbeddedS3.REGION.id(), LEDGER, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        ledger.close();
        s3.close();
        server.close();
    }

    record Run(int code, String out, String err) {}

    private static Run importEtrap(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("import-etrap", "--endpoint", server.endpoint().toString(), "--region", EmbeddedS3.REGION.id(),
                "--access-key", EmbeddedS3.ACCESS_KEY, "--secret-key", EmbeddedS3.SECRET_KEY, "--ledger-bucket", LEDGER));
        all.addAll(List.of(args));
        int code = LedgerCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<LegacyIndexEntry> entries(String bucket) {
        return new LegacyIndex(ledger).entries().stream().map(r -> ((LegacyIndex.Entry) r).entry()).filter(e -> e.sourceBucket().equals(bucket)).toList();
    }

    @Test
    void indexesEveryBatchOnceAndResumesWhereItStopped() {
        Run first = importEtrap("--bucket", LEGACY);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("indexed 4 legacy batch(es), 0 already indexed, 0 with defects");
        assertThat(first.err()).contains("[##############################] 4/4");
        List<LegacyIndexEntry> entries = entries(LEGACY);
        assertThat(entries).hasSize(4).allSatisfy(e -> {
            assertThat(e.root()).isEqualTo(LegacySamples.mintedRoot(e.batchId()));
            assertThat(e.intact()).isTrue();
            assertThat(e.firstTimestampMs()).isNotNull().isLessThanOrEqualTo(e.lastTimestampMs());
        });
        assertThat(ledger.list("").stream().filter(k -> k.endsWith("batch-data.json"))).as("no data copied").isEmpty();

        assertThat(importEtrap("--bucket", LEGACY).out()).contains("indexed 0 legacy batch(es), 4 already indexed");
        // an import cut short: one entry missing, the rerun writes only that one
        String gone = LegacyIndex.key(LEGACY, "etrapdb/orders/BATCH-2026-12-07-7a0c457e-T1/");
        s3.deleteObject(b -> b.bucket(LEDGER).key(gone));
        assertThat(importEtrap("--bucket", LEGACY).out()).contains("indexed 1 legacy batch(es), 3 already indexed");
        assertThat(listed(LEGACY)).as("the sorted listing the API pages through").hasSize(4);
    }

    @Test
    void anIndexMadeBeforeTheSortedListingGetsItOnTheNextRun() {
        String bucket = "etrap-older-import";
        server.createBucket(bucket);
        LegacySamples.upload(s3, bucket, "");
        assertThat(importEtrap("--bucket", bucket).code()).isZero();
        // what an import of the earlier version left: entry.json objects only
        ledger.list(LegacyOrder.ROOT).stream().filter(k -> k.contains("/" + bucket + "/")).forEach(k -> s3.deleteObject(b -> b.bucket(LEDGER).key(k)));
        assertThat(listed(bucket)).isEmpty();
        Run rerun = importEtrap("--bucket", bucket);
        assertThat(rerun.out()).as(rerun.err()).contains("indexed 0 legacy batch(es), 4 already indexed", "listed 4 batch(es) an earlier import had indexed");
        assertThat(listed(bucket)).hasSize(4).allSatisfy(e -> assertThat(e.root()).isEqualTo(LegacySamples.mintedRoot(e.batchId())));
        assertThat(importEtrap("--bucket", bucket).out()).doesNotContain("listed");
    }

    private static List<LegacyIndexEntry> listed(String bucket) {
        return new LegacyIndex(ledger).page(new LegacyIndex.Filter(null, null, 0, Long.MAX_VALUE), null, 1000).entries().stream()
                .filter(e -> e.sourceBucket().equals(bucket)).toList();
    }

    @Test
    void aBrokenBatchIsIndexedWithItsDefectsUnderAPrefix() {
        Run run = importEtrap("--bucket", BROKEN, "--prefix", "archive/etrapdb/");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("indexed 3 legacy batch(es)", "1 with defects")
                .contains("defects\tBATCH-2026-12-07-7a0c457e-T1\ts3://" + BROKEN + "/archive/etrapdb/orders/BATCH-2026-12-07-7a0c457e-T1/\t")
                .contains("OBJECT_UNREADABLE");
        assertThat(entries(BROKEN)).hasSize(3);
    }

    @Test
    void refusesToIndexIntoTheLegacyBucketAndNeedsABucket() {
        Run same = importEtrap("--bucket", LEDGER);
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("must not be the legacy bucket");
        StringWriter err = new StringWriter();
        assertThat(LedgerCli.run(new String[] {"import-etrap"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("--bucket is required");
    }
}
