package io.edgeledger.nearemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cli.LedgerCli;
import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.legacy.LegacyBatch;
import io.edgeledger.ledger.legacy.LegacyBatchReader;
import io.edgeledger.ledger.legacy.LegacyLedger;
import io.edgeledger.ledger.legacy.LegacySamples;
import io.edgeledger.ledger.legacy.LegacyVerdict;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.near.notary.NotaryViews;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.testing.EmbeddedS3;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original agent's recorded mints imported as tokens; every sample batch in S3 verifies against its token. */
class LegacyImportTest {
    private static final String BUCKET = LegacySamples.SAMPLE_BUCKET;
    private static final String T0 = "BATCH-2026-12-07-7a0c457e-T0";
    private static EmbeddedS3 s3;
    private static S3LedgerStore store;
    private static NearEmulator near;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.start();
        s3.createBucket(BUCKET);
        try (var client = s3.client()) {
            LegacySamples.upload(client, BUCKET, "");
        }
        store = S3LedgerStore.open(new S3Settings(s3.endpoint(), EmbeddedS3.REGION.id(), BUCKET, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY));
        near = NearEmulator.start(EmulatorOptions.defaults().withCredentialsDir(dir.resolve("credentials")));
        assertThat(near.importLegacyMints(LegacySamples.mintsFile())).isEqualTo(new NearEmulator.LegacyImport(4, 0));
    }

    @AfterAll
    static void stop() {
        near.close();
        store.close();
        s3.close();
    }

    private static LegacyLedger ledger(NearEmulator chain) {
        return new LegacyLedger(store, new NotaryViews(new NearRpcClient(chain.url(), Duration.ofSeconds(10)), chain.contractId()));
    }

    @Test
    void everySampleBatchVerifiesAgainstItsImportedToken() {
        List<String> prefixes = LegacyBatchReader.batchPrefixes(store, "");
        assertThat(prefixes).hasSize(4);
        for (String prefix : prefixes) {
            LegacyBatch batch = ledger(near).read(prefix);
            LegacyVerdict v = ledger(near).verifyBatch(batch);
            assertThat(v.verdict()).as(prefix + " " + v.problems()).isEqualTo(LegacyVerdict.VERIFIED);
            assertThat(v.chainRoot()).isEqualTo(LegacySamples.mintedRoot(batch.batchId()));
        }
        assertThat(near.tokenIds()).hasSize(4).contains(T0);
    }

    @Test
    void importingAgainChangesNothingAndAConflictingRootIsRefusedWhole() throws IOException {
        assertThat(near.importLegacyMints(LegacySamples.mintsFile())).isEqualTo(new NearEmulator.LegacyImport(0, 4));
        Path conflicting = dir.resolve("conflicting.jsonl");
        Files.writeString(conflicting, Files.readString(LegacySamples.mintsFile()).replace(LegacySamples.mintedRoot(T0), "ab".repeat(32)));
        assertThatThrownBy(() -> near.importLegacyMints(conflicting)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Token already exists");
        Path notMints = dir.resolve("not-mints.jsonl");
        Files.writeString(notMints, "{\"method_name\":\"nft_transfer\",\"args\":{}}\n");
        assertThatThrownBy(() -> near.importLegacyMints(notMints)).hasMessageContaining("line 1 is not a recorded mint_batch call");
    }

    @Test
    void aTokenWhoseRootDiffersIsTamperedAndAMissingTokenIsNotNotarized() throws IOException {
        Path forged = dir.resolve("forged.jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LegacySamples.mintsFile())) {
            if (line.contains("\"" + T0 + "\"")) {
                lines.add(line.replace(LegacySamples.mintedRoot(T0), "cd".repeat(32)));
            } else if (!line.contains("-T1\"")) {
                lines.add(line);
            }
        }
        Files.write(forged, lines);
        try (NearEmulator other = NearEmulator.start(EmulatorOptions.defaults().withCredentialsDir(dir.resolve("other")))) {
            other.importLegacyMints(forged);
            LegacyLedger ledger = ledger(other);
            LegacyBatch t0 = ledger.read(ledger.prefixOf("", T0).orElseThrow());
            assertThat(ledger.verifyBatch(t0).verdict()).isEqualTo(LegacyVerdict.TAMPERED);
            assertThat(ledger.verifyLeaf(t0, io.edgeledger.ledger.legacy.LegacyLeaves.Candidates.ofHash(t0.leafHashes().get(0))).verdict())
                    .isEqualTo(LegacyVerdict.TAMPERED);
            LegacyBatch t1 = ledger.read(ledger.prefixOf("", "BATCH-2026-12-07-7a0c457e-T1").orElseThrow());
            assertThat(ledger.verifyBatch(t1).verdict()).isEqualTo(LegacyVerdict.NOT_NOTARIZED);
        }
    }

    record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("verify-legacy", "--endpoint", s3.endpoint().toString(), "--region", EmbeddedS3.REGION.id(),
                "--access-key", EmbeddedS3.ACCESS_KEY, "--secret-key", EmbeddedS3.SECRET_KEY, "--rpc", near.url().toString(), "--contract",
                near.contractId()));
        all.addAll(List.of(args));
        int code = LedgerCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void verifyLegacyCliVerifiesABatchARowAndAnEventAndRefusesAChangedRow() throws IOException {
        Run batch = cli("--bucket", BUCKET, "--batch", T0);
        assertThat(batch.code()).as(batch.err()).isZero();
        assertThat(batch.out()).contains("verdict:    verified", "scheme etrap-v1", "quirk:      STAND_IN_TX_HASH");

        LegacySamples.Event event = LegacySamples.events().stream().filter(e -> e.stream().endsWith(".payments")).skip(5).findFirst().orElseThrow();
        Path eventFile = dir.resolve("event.json");
        Files.writeString(eventFile, event.value());
        Run byEvent = cli("--bucket", BUCKET, "--batch", T0, "--row", eventFile.toString());
        assertThat(byEvent.out()).as(byEvent.err()).contains("verdict:    verified", "at index 5 of 500");
        assertThat(byEvent.code()).isZero();

        JsonObject value = (JsonObject) io.edgeledger.json.StrictJsonParser.parse(event.value());
        String rowText = io.edgeledger.json.CompactJsonWriter.write(value.get("after"));
        Path rowFile = dir.resolve("row.json");
        Files.writeString(rowFile, rowText);
        Run byRow = cli("--bucket", BUCKET, "--batch", T0, "--row", rowFile.toString());
        assertThat(byRow.out()).as(byRow.err()).contains("verdict:    verified", "at index 5 of 500");

        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, rowText.replaceFirst("\"status\":\"[A-Z_]+\"", "\"status\":\"CHARGEBACK\""));
        assertThat(Files.readString(changed)).isNotEqualTo(rowText);
        Run byChanged = cli("--bucket", BUCKET, "--batch", T0, "--row", changed.toString());
        assertThat(byChanged.code()).isEqualTo(1);
        assertThat(byChanged.out()).contains("verdict:    not_found");

        Run noBatch = cli("--bucket", BUCKET, "--batch", "BATCH-nope");
        assertThat(noBatch.code()).isEqualTo(2);
        assertThat(noBatch.err()).contains("no legacy batch 'BATCH-nope'").doesNotContain("Exception");
        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "{\"id\": 1,");
        Run bad = cli("--bucket", BUCKET, "--batch", T0, "--row", notJson.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("not JSON");
    }
}
