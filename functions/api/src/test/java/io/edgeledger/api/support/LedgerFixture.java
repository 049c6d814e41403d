package io.edgeledger.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.debezium.SampleFiles;
import io.edgeledger.ledger.batch.BatchEntry;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.batch.Manifest;
import io.edgeledger.ledger.batch.ManifestJson;
import io.edgeledger.ledger.batch.SealedBatch;
import io.edgeledger.ledger.leaf.LeafV2;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.notary.ManifestMint;
import io.edgeledger.near.notary.MintResult;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.notary.NotarySettings;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.testing.SharedData;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ledger batches made the way the CDC batcher makes them (core BatchSealer + LedgerStore) from the shared Debezium
 * sample, and minted on the NEAR emulator with the core NotaryClient, so verify is tested against real artefacts.
 */
public final class LedgerFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerFixture() {}

    /** The entries of one sample stream, with entry ids starting at {@code idMillis} (distinct ids give distinct batches). */
    public static List<BatchEntry> entries(String stream, long idMillis) throws Exception {
        List<BatchEntry> entries = new ArrayList<>();
        int i = 0;
        for (SampleFiles.StreamEntry e : SampleFiles.readRedisJsonl(SharedData.resolve("samples/debezium/redis/streams-extended.jsonl"))) {
            if (e.stream().equals(stream)) {
                entries.add(new BatchEntry(idMillis + "-" + i++, LeafV2.fromRedisEntry(e.fields(), "default")));
            }
        }
        if (entries.size() < 3) {
            throw new IllegalStateException("the sample has too few entries for " + stream);
        }
        return entries;
    }

    public static SealedBatch seal(String stream, List<BatchEntry> entries) {
        String contract = ConfigProvider.getConfig().getValue(NotarySettings.CONTRACT, String.class);
        return new BatchSealer(ApiTestResources.LEDGER_BUCKET, "emulator", contract, Clock.systemUTC()).seal(stream, entries);
    }

    public static Manifest write(SealedBatch batch) {
        try (S3Client s3 = Api.s3()) {
            return new S3LedgerStore(s3, ApiTestResources.LEDGER_BUCKET).writeBatch(batch);
        }
    }

    /** Mints the batch on the emulator and records the mint in its manifest, as the near-minter does. */
    public static Manifest mint(Manifest manifest) throws Exception {
        var config = ConfigProvider.getConfig();
        NearCredentials signer = NearCredentials.read(Path.of(config.getValue("edgeledger.test.near-credentials", String.class)), null);
        NotaryClient notary = new NotaryClient(new NearRpcClient(URI.create(config.getValue(NotarySettings.RPC, String.class))),
                NotaryConfig.defaults(config.getValue(NotarySettings.CONTRACT, String.class), signer));
        MintResult result = notary.mintBatch(ManifestMint.fromManifest(JSON.readTree(ManifestJson.write(manifest)), signer.accountId()));
        Manifest minted = manifest.withMint(manifest.mint().minted(result.txHash(), result.blockHash(), result.blockHeight(),
                java.time.Instant.now().toString()));
        try (S3Client s3 = Api.s3()) {
            new S3LedgerStore(s3, ApiTestResources.LEDGER_BUCKET).updateManifest(minted);
        }
        return minted;
    }

    /** Overwrites the batch's objects and manifest as they are, bypassing the store's read-back checks (an attacker). */
    public static void overwrite(SealedBatch batch) {
        try (S3Client s3 = Api.s3()) {
            String prefix = batch.manifest().s3Prefix();
            batch.objects().forEach((name, bytes) -> s3.putObject(b -> b.bucket(ApiTestResources.LEDGER_BUCKET).key(prefix + name),
                    RequestBody.fromBytes(bytes)));
            s3.putObject(b -> b.bucket(ApiTestResources.LEDGER_BUCKET).key(prefix + "manifest.json"), RequestBody.fromBytes(batch.manifestBytes()));
        }
    }
}
