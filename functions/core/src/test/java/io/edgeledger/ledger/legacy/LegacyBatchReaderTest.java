package io.edgeledger.ledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.legacy.LegacyFinding.Kind;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.testing.EmbeddedS3;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The original agent's real output, read through the S3 API (s3proxy), plus broken copies of it. */
class LegacyBatchReaderTest {
    private static final String BUCKET = LegacySamples.SAMPLE_BUCKET;
    private static final String T0 = "etrapdb/payments/BATCH-2026-12-07-7a0c457e-T0/";
    private static final String T0_ID = "BATCH-2026-12-07-7a0c457e-T0";
    private static EmbeddedS3 server;
    private static S3Client s3;
    private static final String BROKEN = "etrap-broken"; // broken copies, beside the untouched sample
    private static S3LedgerStore store;
    private static S3LedgerStore broken;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.start();
        server.createBucket(BUCKET);
        s3 = server.client();
        LegacySamples.upload(s3, BUCKET, "");
        server.createBucket(BROKEN);
        store = open(BUCKET);
        broken = open(BROKEN);
    }

    private static S3LedgerStore open(String bucket) {
        return S3LedgerStore.open(new S3Settings(server.endpoint(), EmbeddedS3.REGION.id(), bucket, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        broken.close();
        store.close();
        s3.close();
        server.close();
    }

    @Test
    void everySampleBatchIsIntactAndItsRootIsTheMintedRoot() {
        List<String> prefixes = LegacyBatchReader.batchPrefixes(store, "");
        assertThat(prefixes).hasSize(LegacySamples.mints().size()).hasSize(4);
        for (JsonObject mint : LegacySamples.mints()) {
            JsonObject args = (JsonObject) mint.get("args");
            JsonObject summary = (JsonObject) args.get("batch_summary");
            LegacyBatch batch = LegacyBatchReader.read(store, summary.string("s3_key"));
            assertThat(batch.batchId()).isEqualTo(args.string("token_id"));
            assertThat(batch.intact()).as(batch.findings().toString()).isTrue();
            assertThat(batch.findings()).extracting(LegacyFinding::kind).containsExactlyInAnyOrder(Kind.STAND_IN_TX_HASH, Kind.ROW_DATA_NOT_STORED);
            assertThat(batch.transactions()).hasSize(Integer.parseInt(((io.edgeledger.json.JsonNumber) summary.get("tx_count")).text()));
            assertThat(batch.recomputedRoot()).isEqualTo(summary.string("merkle_root")).isEqualTo(batch.storedTree().root());
            assertThat(((io.edgeledger.json.JsonArray) summary.get("table_names")).items()).containsExactly(new io.edgeledger.json.JsonString(batch.table()));
        }
    }

    @Test
    void everyConsumedEventVerifiesInItsTablesBatchAgainstTheMintedRoot() {
        Map<String, LegacyBatch> byTable = new HashMap<>();
        for (String prefix : LegacyBatchReader.batchPrefixes(store, "")) {
            LegacyBatch b = LegacyBatchReader.read(store, prefix);
            byTable.put(b.table(), b);
        }
        int verified = 0;
        for (LegacySamples.Event e : LegacySamples.events()) {
            String table = e.stream().substring(e.stream().lastIndexOf('.') + 1);
            LegacyBatch batch = byTable.get(table);
            LegacyLeaves.Candidates leaf = LegacyLeaves.ofDebeziumEvent(e.value(), e.key());
            LegacyVerdict v = LegacyVerification.verify(batch, leaf, true, LegacySamples.mintedRoot(batch.batchId()));
            assertThat(v.verdict()).as(e.id()).isEqualTo(LegacyVerdict.VERIFIED);
            verified++;
        }
        assertThat(verified).isEqualTo(2000);
    }

    @Test
    void aRowOfTheDatabaseHashesToItsLeaf() {
        LegacySamples.Event first = LegacySamples.events().stream().filter(e -> e.stream().endsWith(".payments")).findFirst().orElseThrow();
        String row = io.edgeledger.json.CompactJsonWriter.write(((JsonObject) io.edgeledger.json.StrictJsonParser.parse(first.value())).get("after"));
        LegacyBatch batch = LegacyBatchReader.read(store, T0);
        assertThat(batch.indexOf(LegacyLeaves.ofRow(row).legacy())).isZero(); // the sample agent ran without etrap-sdk
    }

    @Test
    void aRowChangedInS3BreaksTheRootAndTheVerdictIsTampered() {
        String prefix = "row-changed/" + T0;
        copyBatch(prefix, Map.of());
        String data = new String(LegacySamples.bytes(T0 + "batch-data.json"), StandardCharsets.UTF_8);
        LegacyBatch original = LegacyBatchReader.read(store, T0);
        String leaf7 = original.leafHashes().get(7);
        String forged = LegacyLeaves.ofRow("{\"id\":1,\"amount\":\"0.01\"}").legacy();
        put(prefix + "batch-data.json", data.replace(leaf7, forged)); // metadata.hash and merkle_leaf.hash alike

        LegacyBatch changed = LegacyBatchReader.read(broken, prefix);
        assertThat(changed.findings()).extracting(LegacyFinding::kind).contains(Kind.ROOT_MISMATCH, Kind.PROOF_INVALID, Kind.TREE_COPIES_DISAGREE);
        String minted = LegacySamples.mintedRoot(T0_ID);
        assertThat(LegacyVerification.verify(changed, LegacyLeaves.Candidates.ofHash(leaf7), true, minted).verdict()).isEqualTo(LegacyVerdict.TAMPERED);
        assertThat(LegacyVerification.verify(changed, LegacyLeaves.Candidates.ofHash(forged), true, minted).verdict()).isEqualTo(LegacyVerdict.TAMPERED);
        assertThat(LegacyVerification.verify(changed, LegacyLeaves.Candidates.ofHash(original.leafHashes().get(8)), true, minted).verdict()).isEqualTo(LegacyVerdict.TAMPERED);
    }

    @Test
    void aTokenWhoseRootDiffersIsTamperedAndNoTokenIsNotNotarized() {
        LegacyBatch batch = LegacyBatchReader.read(store, T0);
        String leaf = batch.leafHashes().get(3);
        String otherRoot = LegacySamples.mintedRoot("BATCH-2026-12-07-7a0c457e-T1");
        LegacyVerdict wrong = LegacyVerification.verify(batch, LegacyLeaves.Candidates.ofHash(leaf), true, otherRoot);
        assertThat(wrong.verdict()).isEqualTo(LegacyVerdict.TAMPERED);
        assertThat(wrong.problems()).anyMatch(p -> p.contains("differs from the root notarized"));
        assertThat(LegacyVerification.verify(batch, LegacyLeaves.Candidates.ofHash(leaf), false, null).verdict()).isEqualTo(LegacyVerdict.NOT_NOTARIZED);
        assertThat(LegacyVerification.verify(batch, LegacyLeaves.Candidates.ofHash("00".repeat(32)), true, LegacySamples.mintedRoot(T0_ID)).verdict())
                .isEqualTo(LegacyVerdict.NOT_FOUND);
    }

    @Test
    void aBatchWithoutBatchDataFallsBackToItsStoredTreeWithAFinding() {
        String prefix = "no-batch-data/" + T0;
        copyBatch(prefix, Map.of("batch-data.json", ""));
        LegacyBatch batch = LegacyBatchReader.read(broken, prefix);
        assertThat(batch.findings()).extracting(LegacyFinding::kind).contains(Kind.OBJECT_MISSING);
        assertThat(batch.findings()).filteredOn(f -> f.kind() == Kind.OBJECT_MISSING).extracting(LegacyFinding::object)
                .containsExactly(prefix + "batch-data.json");
        assertThat(batch.transactions()).isEmpty();
        assertThat(batch.leafHashes()).hasSize(500);
        assertThat(batch.batchId()).isEqualTo(T0_ID);
        assertThat(LegacyVerification.verify(batch, LegacyLeaves.Candidates.ofHash(batch.leafHashes().get(0)), true, LegacySamples.mintedRoot(T0_ID)).verdict())
                .isEqualTo(LegacyVerdict.VERIFIED);
    }

    @Test
    void aTruncatedBatchDataIsUnreadableNotAnException() {
        String prefix = "truncated/" + T0;
        byte[] data = LegacySamples.bytes(T0 + "batch-data.json");
        copyBatch(prefix, Map.of());
        put(prefix + "batch-data.json", new String(Arrays.copyOf(data, data.length / 3), StandardCharsets.UTF_8));
        LegacyBatch batch = LegacyBatchReader.read(broken, prefix);
        assertThat(batch.findings()).filteredOn(f -> f.kind() == Kind.OBJECT_UNREADABLE).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("truncated"));
        assertThat(batch.intact()).isFalse();
        assertThat(batch.recomputedRoot()).isEqualTo(LegacySamples.mintedRoot(T0_ID)); // merkle-tree.json still holds the leaves
    }

    @Test
    void aBatchWithNoReadableTreeIsTampered() {
        String prefix = "nothing-left/" + T0;
        copyBatch(prefix, Map.of("batch-data.json", "", "merkle-tree.json", "{\"root\":"));
        LegacyBatch batch = LegacyBatchReader.read(broken, prefix);
        assertThat(batch.findings()).extracting(LegacyFinding::kind).contains(Kind.OBJECT_MISSING, Kind.OBJECT_UNREADABLE);
        assertThat(batch.leafHashes()).isEmpty();
        LegacyVerdict v = LegacyVerification.verify(batch, LegacyLeaves.Candidates.ofHash("ab".repeat(32)), true, LegacySamples.mintedRoot(T0_ID));
        assertThat(v.verdict()).isEqualTo(LegacyVerdict.TAMPERED);
        assertThat(v.problems()).anyMatch(p -> p.contains("no leaf hash"));
    }

    @Test
    void listingFindsBatchesBelowADeploymentPrefix() {
        copyBatch("listing/deep/" + T0, Map.of());
        assertThat(LegacyBatchReader.batchPrefixes(broken, "listing/")).containsExactly("listing/deep/" + T0);
        Set<String> tables = LegacyBatchReader.batchPrefixes(store, "etrapdb/").stream().map(p -> p.split("/")[1]).collect(Collectors.toSet());
        assertThat(tables).containsExactlyInAnyOrder("payments", "orders", "customers");
    }

    /** Copies batch T0 under {@code prefix}; {@code replaced} maps an object name to new text ("" = leave it out). */
    private static void copyBatch(String prefix, Map<String, String> replaced) {
        LegacySamples.objects().forEach((key, file) -> {
            if (!key.startsWith(T0)) {
                return;
            }
            String name = key.substring(T0.length());
            String replacement = replaced.get(name);
            if (replacement == null) {
                s3.putObject(b -> b.bucket(BROKEN).key(prefix + name), RequestBody.fromFile(file));
            } else if (!replacement.isEmpty()) {
                put(prefix + name, replacement);
            }
        });
    }

    private static void put(String key, String text) {
        s3.putObject(b -> b.bucket(BROKEN).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }
}
