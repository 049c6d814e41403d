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
import io.edgeledger.near.codec.Base58;
import io.edgeledger.near.crypto.NearCredentials;
import io.edgeledger.near.crypto.NearKeyPair;
import io.edgeledger.near.notary.ManifestMint;
import io.edgeledger.near.notary.MintRequest;
import io.edgeledger.near.notary.MintResult;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.notary.NotarySettings;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.near.rpc.TxOutcome;
import io.edgeledger.near.rpc.WaitUntil;
import io.edgeledger.near.tx.Action;
import io.edgeledger.near.tx.Transaction;
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
        NearCredentials signer = signer();
        NotaryClient notary = new NotaryClient(rpc(), NotaryConfig.defaults(contract(), signer));
        MintResult result = notary.mintBatch(mintRequest(manifest, signer));
        return recordMint(manifest, result.txHash(), result.blockHash(), result.blockHeight());
    }

    /** Records {@code txHash} as the batch's mint transaction in its manifest (what a minter or a forger writes). */
    public static Manifest recordMint(Manifest manifest, String txHash, String blockHash, Long blockHeight) {
        Manifest minted = manifest.withMint(manifest.mint().minted(txHash, blockHash, blockHeight, java.time.Instant.now().toString()));
        try (S3Client s3 = Api.s3()) {
            new S3LedgerStore(s3, ApiTestResources.LEDGER_BUCKET).updateManifest(minted);
        }
        return minted;
    }

    /**
     * Sends {@code mint_batch} for an already minted batch straight to the chain, past the NotaryClient's "token exists"
     * check: the contract panics, so the chain holds a FAILED transaction for this batch. Returns its outcome.
     */
    public static TxOutcome failedMintOf(Manifest minted) throws Exception {
        NearCredentials signer = signer();
        NotaryConfig notary = NotaryConfig.defaults(contract(), signer);
        NearRpcClient rpc = rpc();
        NearKeyPair key = signer.keyPair();
        long nonce = rpc.viewAccessKey(signer.accountId(), key.publicKey()).nonce();
        Action call = Action.FunctionCall.json("mint_batch", mintRequest(minted, signer).args().toJson(), notary.gas(), notary.deposit());
        Transaction tx = new Transaction(signer.accountId(), key.publicKey(), nonce + 1, contract(),
                Base58.decode(rpc.finalBlock().hash(), 32, "block hash"), List.of(call));
        TxOutcome outcome = rpc.sendTx(tx.sign(key), WaitUntil.FINAL);
        if (!outcome.failed()) {
            throw new IllegalStateException("a second mint_batch of " + minted.batchId() + " did not fail: " + outcome.raw());
        }
        return outcome;
    }

    private static MintRequest mintRequest(Manifest manifest, NearCredentials signer) throws Exception {
        return ManifestMint.fromManifest(JSON.readTree(ManifestJson.write(manifest)), signer.accountId());
    }

    private static NearCredentials signer() throws Exception {
        return NearCredentials.read(Path.of(ConfigProvider.getConfig().getValue("edgeledger.test.near-credentials", String.class)), null);
    }

    private static NearRpcClient rpc() {
        return new NearRpcClient(URI.create(ConfigProvider.getConfig().getValue(NotarySettings.RPC, String.class)));
    }

    private static String contract() {
        return ConfigProvider.getConfig().getValue(NotarySettings.CONTRACT, String.class);
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
