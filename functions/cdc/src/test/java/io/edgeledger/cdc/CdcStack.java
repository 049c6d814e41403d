package io.edgeledger.cdc;

import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.cdc.minter.Minter;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.nearemu.EmulatorOptions;
import io.edgeledger.nearemu.NearEmulator;
import io.edgeledger.testing.EmbeddedS3;
import io.edgeledger.testing.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real parts the CDC functions talk to, for one test class: a private redis-server, an embedded
 * S3 API server (s3proxy) and the NEAR emulator, plus the settings (as environment variables would
 * give them) that point the batcher and minter at them.
 */
public final class CdcStack implements AutoCloseable {
    public final RedisServer redis;
    public final EmbeddedS3 s3 = EmbeddedS3.start();
    public NearEmulator near;
    public final Map<String, String> env = new HashMap<>();
    private final Path home;

    public CdcStack() {
        this(RedisServer.start(), null);
    }

    /** With this Redis, e.g. {@code RedisServer.startTls(password)} and its {@code caFile()} (EDGELEDGER_REDIS_CA_FILE). */
    public CdcStack(RedisServer redis, Path caFile) {
        this.redis = redis;
        if (caFile != null) {
            env.put("EDGELEDGER_REDIS_CA_FILE", caFile.toString());
        }
        try {
            home = Files.createTempDirectory("edgeledger-cdc-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        env.put("EDGELEDGER_REDIS_URL", redis.url());
        env.put("EDGELEDGER_S3_ENDPOINT", s3.endpoint().toString());
        env.put("EDGELEDGER_S3_ACCESS_KEY", EmbeddedS3.ACCESS_KEY);
        env.put("EDGELEDGER_S3_SECRET_KEY", EmbeddedS3.SECRET_KEY);
        env.put("EDGELEDGER_S3_REGION", EmbeddedS3.REGION.id());
        env.put("EDGELEDGER_CDC_BATCH_IDLE_SECONDS", "0");
        env.put("EDGELEDGER_CDC_READ_BLOCK_MS", "50");
        env.put("EDGELEDGER_CDC_RUN_MARGIN_MS", "0");
        bucket("ledger");
        freshChain();
    }

    /** A new, empty bucket for the next batches. */
    public void bucket(String name) {
        s3.createBucket(name);
        env.put("EDGELEDGER_S3_BUCKET", name);
    }

    /** A new NEAR emulator with no tokens; the minter settings point at it. */
    public void freshChain() {
        if (near != null) {
            near.close();
        }
        near = NearEmulator.start(EmulatorOptions.defaults().withCredentialsDir(home.resolve("near-" + System.nanoTime())));
        env.put("EDGELEDGER_NEAR_RPC", near.url().toString());
        env.put("EDGELEDGER_NEAR_CONTRACT", near.contractId());
        env.put("EDGELEDGER_NEAR_ACCOUNT", near.signer().accountId());
        env.put("EDGELEDGER_NEAR_KEY_FILE", near.credentialsFile().toString());
    }

    public Settings settings() {
        Map<String, String> copy = new HashMap<>(env);
        return new Settings(copy::get);
    }

    public S3LedgerStore store() {
        return S3LedgerStore.open(Components.s3(settings()));
    }

    public Batcher batcher(StepHook hook) {
        return Components.batcher(settings(), store(), hook, Clock.systemUTC());
    }

    public Minter minter(StepHook hook) {
        return Components.minter(settings(), store(), hook, Clock.systemUTC());
    }

    /** The merkle_root the notary contract stores for a token (get_batch_summary), or null. */
    public String chainRoot(String tokenId) {
        NotaryClient client = new NotaryClient(new NearRpcClient(near.url()), NotaryConfig.defaults(near.contractId(), near.signer()));
        return client.batchSummary(tokenId).map(summary -> summary.path("merkle_root").asText(null)).orElse(null);
    }

    public TestRedis redisConnection() {
        return new TestRedis(settings().redis());
    }

    public static Deadline longDeadline() {
        return Deadline.after(Clock.systemUTC(), 120_000);
    }

    @Override
    public void close() {
        if (near != null) {
            near.close();
        }
        s3.close();
        redis.close();
    }
}
