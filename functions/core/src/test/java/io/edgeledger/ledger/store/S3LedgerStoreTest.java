package io.edgeledger.ledger.store;

import static io.edgeledger.ledger.VectorFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.debezium.SampleFiles;
import io.edgeledger.json.JsonObject;
import io.edgeledger.ledger.VectorFiles;
import io.edgeledger.ledger.batch.BatchEntry;
import io.edgeledger.ledger.batch.BatchFormatException;
import io.edgeledger.ledger.batch.BatchObjects;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.leaf.LeafV2;
import io.edgeledger.ledger.merkle.Hex;
import io.edgeledger.ledger.merkle.MerkleVerifier;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.testing.EmbeddedS3;
import io.edgeledger.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

class S3LedgerStoreTest {
    private static final String BUCKET = "edgeledger-ledger";
    private static EmbeddedS3 server;
    private static S3Client client;
    private static S3LedgerStore store;
    private static final BatchSealer SEALER = new BatchSealer(BUCKET, "emulator", "notary.edgeledger.testnet",
            Clock.fixed(Instant.parse("2026-12-01T22:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void start() {
        server = EmbeddedS3.start();
        server.createBucket(BUCKET);
        client = server.client(); // the SDK, beside the store, to tamper with objects behind its back
        // The store's own SDK client: s3proxy checks every signature, Content-MD5 and x-amz-checksum-sha256.
        store = S3LedgerStore.open(new S3Settings(server.endpoint(), EmbeddedS3.REGION.id(), BUCKET, EmbeddedS3.ACCESS_KEY,
                EmbeddedS3.SECRET_KEY));
    }

    @AfterAll
    static void stop() {
        store.close();
        client.close();
        server.close();
    }

    /** The extended-format sample, one batch per stream, entry ids 1714554000000-i in file order. */
    static Map<String, List<BatchEntry>> sampleBatches(String file) throws Exception {
        return sampleBatches(file, 1714554000000L);
    }

    static Map<String, List<BatchEntry>> sampleBatches(String file, long idMillis) throws Exception {
        Map<String, List<BatchEntry>> byStream = new LinkedHashMap<>();
        int i = 0;
        for (SampleFiles.StreamEntry e : SampleFiles.readRedisJsonl(SharedData.resolve("samples/debezium/" + file))) {
            byStream.computeIfAbsent(e.stream(), s -> new ArrayList<>())
                    .add(new BatchEntry(idMillis + "-" + i++, LeafV2.fromRedisEntry(e.fields(), "default")));
        }
        return byStream;
    }

    @Test
    void storedSampleBatchesReadBackWithTheVectorRoots() throws Exception {
        JsonObject vectors = VectorFiles.load("leaf-v2.json");
        for (String file : List.of("redis/streams-extended.jsonl", "redis/streams-extended-schemas.jsonl")) {
            long idMillis = file.contains("schemas") ? 1714557000000L : 1714554000000L;
            for (Map.Entry<String, List<BatchEntry>> b : sampleBatches(file, idMillis).entrySet()) {
                SealedBatch sealed = SEALER.seal(b.getKey(), b.getValue());
                Manifest written = store.writeBatch(sealed);
                VerifiedBatch back = store.readBatch(written.s3Prefix());

                JsonObject expected = objects(vectors, "sample_batches").stream()
                        .filter(s -> str(s, "source").equals(file) && str(s, "stream").equals(b.getKey())).findFirst().orElseThrow();
                assertThat(back.manifest().root()).isEqualTo(str(expected, "root"));
                assertThat(Hex.of(back.tree().root())).isEqualTo(str(expected, "root"));
                assertThat(back.leaves().stream().map(StoredLeaf::hashHex).toList()).isEqualTo(strings(expected, "leaf_hashes"));
                assertThat(written.s3Prefix()).isEqualTo(written.database() + "/" + written.table() + "/" + written.batchId() + "/");
                assertThat(str(expected, "table")).isEqualTo(written.database() + "." + written.table());
                assertThat(written.entryCount()).isEqualTo(b.getValue().size());
                assertThat(written.mint().status()).isEqualTo("pending");
                // every stored leaf proves into the stored root
                for (StoredLeaf leaf : back.leaves()) {
                    assertThat(MerkleVerifier.verifyInclusion(Hex.parseHash(leaf.hashHex()), leaf.index(), back.leaves().size(),
                            back.tree().inclusionProof(leaf.index()), Hex.parseHash(written.root()))).isTrue();
                }
            }
        }
        assertThat(store.batchPrefixes("etrapdb/public.orders/")).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(p -> p.startsWith("etrapdb/public.orders/BATCH-") && p.endsWith("/"));
    }

    @Test
    void manifestIsCompleteAndPostgresAndMysqlTablesAreAddressedAsDocumented() throws Exception {
        Map<String, List<BatchEntry>> batches = sampleBatches("redis/streams-extended.jsonl");
        Manifest orders = SEALER.seal("etrap.public.orders", batches.get("etrap.public.orders")).manifest();
        assertThat(orders.database()).isEqualTo("etrapdb");
        assertThat(orders.table()).isEqualTo("public.orders");
        assertThat(orders.objects().keySet()).containsExactlyInAnyOrderElementsOf(BatchObjects.CONTENT);
        assertThat(orders.leafCount()).isLessThan(orders.entryCount()); // the tombstone is counted, not hashed
        Manifest products = SEALER.seal("etrap.inventory.products", batches.get("etrap.inventory.products")).manifest();
        assertThat(products.database()).isEqualTo("inventory");
        assertThat(products.table()).isEqualTo("products");
        assertThat(ManifestJson.parse(ManifestJson.write(products))).isEqualTo(products);
    }

    @Test
    void aRetryKeepsTheStoredMintAndAConflictingBatchIsRefused() throws Exception {
        List<BatchEntry> entries = sampleBatches("redis/streams-compact.jsonl", 1714555000000L).get("etrap.inventory.products");
        SealedBatch sealed = SEALER.seal("etrap.inventory.products", entries);
        Manifest first = store.writeBatch(sealed);
        Manifest minted = first.withMint(first.mint().minted("9Kx", "7Hy", 123L, "2026-12-01T22:00:05.000Z"));
        store.updateManifest(minted);
        assertThat(store.writeBatch(sealed)).isEqualTo(minted);
        assertThat(store.manifest(first.s3Prefix())).contains(minted);

        List<BatchEntry> changed = new ArrayList<>(entries);
        changed.set(0, new BatchEntry(entries.get(0).entryId(), LeafV2.fromRecord("{\"id\":1}",
                "{\"op\":\"c\",\"after\":{\"id\":1},\"source\":{\"db\":\"inventory\",\"table\":\"products\"}}")));
        assertThatThrownBy(() -> store.writeBatch(SEALER.seal("etrap.inventory.products", changed)))
                .isInstanceOf(LedgerStoreException.class).hasMessageContaining("refusing to overwrite");
    }

    @Test
    void tamperingInS3IsDetected() throws Exception {
        List<BatchEntry> entries = sampleBatches("redis/streams-extended.jsonl", 1714556000000L).get("etrap.public.customers");
        Manifest m = store.writeBatch(SEALER.seal("etrap.public.customers", entries.subList(0, 3)));
        String dataKey = m.s3Prefix() + BatchObjects.BATCH_DATA;
        String data = new String(store.get(dataKey).orElseThrow(), StandardCharsets.UTF_8);
        client.putObject(b -> b.bucket(BUCKET).key(dataKey), RequestBody.fromString(data.replace("Ada Lovelace", "Ada Byron")));
        assertThatThrownBy(() -> store.readBatch(m.s3Prefix())).isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("batch-data.json has SHA-256");

        // a forger who also fixes the manifest's object hash is caught by the leaf hash
        String forged = data.replace("Ada Lovelace", "Ada Byron");
        Map<String, String> objects = new LinkedHashMap<>(m.objects());
        objects.put(BatchObjects.BATCH_DATA, Hex.of(io.edgeledger.ledger.merkle.Sha256.digest(forged.getBytes(StandardCharsets.UTF_8))));
        Manifest forgedManifest = new Manifest(m.batchId(), m.scheme(), m.leafScheme(), m.database(), m.table(), m.stream(), m.firstEntryId(),
                m.lastEntryId(), m.root(), m.leafCount(), m.entryCount(), m.operationCounts(), m.firstTimestampMs(), m.lastTimestampMs(),
                m.sealedAt(), m.sizeBytes(), m.s3Bucket(), m.s3Prefix(), objects, m.mint());
        store.updateManifest(forgedManifest);
        assertThatThrownBy(() -> store.readBatch(m.s3Prefix())).isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("leaf hashes to");
    }

    /**
     * A body changed after it was hashed (here: on its way out, after the store set the checksum headers)
     * is refused by the server; the batch gets no manifest, so nothing may be acknowledged.
     */
    @Test
    void aBodyCorruptedInFlightIsRefusedAndTheBatchGetsNoManifest() throws Exception {
        List<BatchEntry> entries = sampleBatches("redis/streams-extended.jsonl", 1714558000000L).get("etrap.public.orders");
        SealedBatch sealed = SEALER.seal("etrap.public.orders", entries);
        ExecutionInterceptor flipFirstByte = new ExecutionInterceptor() {
            @Override
            public java.util.Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                if (!context.httpRequest().method().name().equals("PUT") || context.requestBody().isEmpty()) {
                    return context.requestBody();
                }
                byte[] bytes;
                try (java.io.InputStream in = context.requestBody().get().contentStreamProvider().newStream()) {
                    bytes = in.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                bytes[0] ^= 1;
                return java.util.Optional.of(RequestBody.fromBytes(bytes));
            }
        };
        try (S3Client corrupting = S3Client.builder().endpointOverride(server.endpoint()).region(EmbeddedS3.REGION).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(flipFirstByte)).build()) {
            S3LedgerStore corrupted = new S3LedgerStore(corrupting, BUCKET);
            assertThatThrownBy(() -> corrupted.writeBatch(sealed)).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("could not write s3://" + BUCKET + "/" + sealed.manifest().s3Prefix() + BatchObjects.BATCH_DATA)
                    .hasMessageContaining("HTTP 400");
        }
        assertThat(store.manifest(sealed.manifest().s3Prefix())).isEmpty();
        assertThat(store.list(sealed.manifest().s3Prefix())).isEmpty();
        assertThat(store.writeBatch(sealed).root()).isEqualTo(sealed.manifest().root()); // the same batch, written intact
    }

    /** A PUT the server refuses (here: the bucket is gone) surfaces as the store's exception, naming the object. */
    @Test
    void aFailedPutIsALedgerStoreException() throws Exception {
        List<BatchEntry> entries = sampleBatches("redis/streams-extended.jsonl", 1714559000000L).get("etrap.public.orders");
        try (S3LedgerStore nowhere = S3LedgerStore.open(new S3Settings(server.endpoint(), EmbeddedS3.REGION.id(), "no-such-ledger",
                EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY))) {
            assertThatThrownBy(() -> nowhere.writeBatch(SEALER.seal("etrap.public.orders", entries))).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("s3://no-such-ledger/").hasMessageContaining("NoSuchBucket");
        }
    }

    @Test
    void batchesOfOnlyTombstonesAreFiledUnderTheStream() {
        SealedBatch sealed = SEALER.seal("etrap.public.orders", List.of(
                new BatchEntry("1714554000000-0", LeafV2.fromRecord("{\"id\":1}", null))));
        Manifest m = store.writeBatch(sealed);
        assertThat(m.s3Prefix()).startsWith("_streams/etrap.public.orders/BATCH-2024-05-01-");
        assertThat(m.leafCount()).isZero();
        assertThat(m.root()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(store.readBatch(m.s3Prefix()).leaves()).isEmpty();
    }

    @Test
    void aMissingBatchIsAClearError() {
        assertThatThrownBy(() -> store.readBatch("nope/t/BATCH-x/")).isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("no manifest.json");
        assertThat(store.manifest("nope/t/BATCH-x/")).isEmpty();
    }
}
