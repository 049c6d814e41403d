package io.edgeledger.cdc.wiring;

import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.batcher.BatcherSettings;
import io.edgeledger.cdc.batcher.ConsumerNames;
import io.edgeledger.cdc.batcher.SwitchOver;
import io.edgeledger.cdc.config.SettingsException;
import io.edgeledger.cdc.config.NearSettings;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.cdc.minter.Minter;
import io.edgeledger.cdc.minter.MinterSettings;
import io.edgeledger.cdc.minter.NearNotary;
import io.edgeledger.ledger.batch.BatchSealer;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.near.notary.NotaryClient;
import io.edgeledger.near.notary.NotaryConfig;
import io.edgeledger.near.rpc.NearRpcClient;
import io.edgeledger.redis.RedisSettings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The composition root: builds the batcher and the minter from settings, for the Lambda handlers
 * ({@code io.edgeledger.cdc.lambda}) and the local runner ({@code io.edgeledger.cdc.local}). Nothing else imports it.
 */
public final class Components {
    private Components() {}

    public static S3Settings s3(Settings s) {
        Map<String, String> env = new HashMap<>();
        for (String name : new String[] {"EDGELEDGER_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "EDGELEDGER_S3_BUCKET",
                "EDGELEDGER_S3_REGION", "AWS_REGION", "EDGELEDGER_S3_ACCESS_KEY", "EDGELEDGER_S3_SECRET_KEY"}) {
            env.put(name, s.string(name, null));
        }
        try {
            return S3Settings.fromEnv(env);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("S3 settings: " + e.getMessage());
        }
    }

    /**
     * Where Redis is and who we are to it: EDGELEDGER_REDIS_URL, EDGELEDGER_REDIS_CA_FILE, and the credentials from the
     * Secrets Manager secret EDGELEDGER_REDIS_AUTH_SECRET_ARN when set (else from the URL).
     */
    public static RedisSettings redis(Settings s) {
        return s.redis();
    }

    public static Batcher batcher(Settings s, S3LedgerStore store, StepHook hook, Clock clock) {
        NearSettings near = NearSettings.from(s);
        BatchSealer sealer = new BatchSealer(store.bucket(), near.network(), near.contract(), clock);
        return new Batcher(BatcherSettings.from(s).withRedis(redis(s)), sealer, store, hook, clock);
    }

    /**
     * The batcher of one Lambda container: its consumer name is the configured one plus the container's id
     * ({@link ConsumerNames#perContainer}), so concurrent invocations never share a pending list.
     */
    public static Batcher lambdaBatcher(Settings s, S3LedgerStore store, StepHook hook, Clock clock, String logStreamName) {
        NearSettings near = NearSettings.from(s);
        BatchSealer sealer = new BatchSealer(store.bucket(), near.network(), near.contract(), clock);
        BatcherSettings settings = BatcherSettings.from(s).withRedis(redis(s));
        return new Batcher(settings.withConsumer(ConsumerNames.perContainer(settings.consumer(), logStreamName)), sealer, store, hook, clock);
    }

    public static SwitchOver switchOver(Settings s, S3LedgerStore store, StepHook hook, Clock clock) {
        NearSettings near = NearSettings.from(s);
        BatchSealer sealer = new BatchSealer(store.bucket(), near.network(), near.contract(), clock);
        return new SwitchOver(BatcherSettings.from(s).withRedis(redis(s)), sealer, store, hook, clock);
    }

    public static Minter minter(Settings s, S3LedgerStore store, StepHook hook, Clock clock) {
        NearSettings near = NearSettings.from(s);
        java.util.function.Supplier<NotaryClient> connect = () -> new NotaryClient(new NearRpcClient(near.notary().rpc()),
                NotaryConfig.defaults(near.contract(), near.credentials()).withDeposit(near.depositYocto()));
        NearNotary notary = new NearNotary(connect.get(), () -> {
            near.forgetSigner();
            return connect.get();
        }, near.network(), hook);
        return new Minter(MinterSettings.from(s).withRedis(redis(s)), store, notary, near.receiver(), hook, clock);
    }
}
