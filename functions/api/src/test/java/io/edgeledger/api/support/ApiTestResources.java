package io.edgeledger.api.support;

import io.edgeledger.api.auth.OperatorKeyPepper;
import io.edgeledger.api.local.CreateKey;
import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.testing.AwsSdkEndpoints;
import io.edgeledger.near.notary.NotarySettings;
import io.edgeledger.nearemu.NearEmulator;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.testing.CuttableTcpProxy;
import io.edgeledger.testing.EmbeddedS3;
import io.edgeledger.testing.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real parts the API talks to, started once for the test run: a private redis-server as deployed (TLS only, a CA
 * made by the test, an ACL user with a password), an S3 API (s3proxy) and the NEAR RPC emulator. Also creates an
 * operator key through the create-key code path, over the same TLS.
 */
public class ApiTestResources implements QuarkusTestResourceLifecycleManager {
    public static final String LEDGER_BUCKET = "edgeledger-ledger";

    private static volatile EmbeddedS3 s3;
    /** The API reaches S3 through this relay, so a test can cut its connections mid-request ({@link #s3Link()}). */
    private static volatile CuttableTcpProxy s3Link;
    /** Static so a test can take Redis away and bring it back ({@link #stopRedis}, {@link #restartRedis}). */
    private static RedisServer redis;
    private static String operatorKey;
    private LocalSecretsManager secrets;
    private NearEmulator near;

    @Override
    public Map<String, String> start() {
        redis = RedisServer.startTls("api-test-secret");
        s3 = EmbeddedS3.start();
        s3.createBucket(LEDGER_BUCKET);
        try {
            s3Link = CuttableTcpProxy.to(s3.endpoint());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start the relay in front of S3", e);
        }
        near = NearEmulator.start();
        near.importLegacyMints(io.edgeledger.ledger.legacy.LegacySamples.mintsFile()); // the original agent's tokens (LegacyLedgerTest)
        String pepper = "test-pepper-" + java.util.UUID.randomUUID();
        try {
            secrets = LocalSecretsManager.start(0, "us-east-1", "AKIDAPITEST", "api-test-secret");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start the local Secrets Manager", e);
        }
        String apiSecretArn = secrets.put(new LocalSecretsManager.Secret("edgeledger/api",
                "{\"" + OperatorKeyPepper.FIELD + "\":\"" + pepper + "\"}", false));
        AwsSdkEndpoints.secretsManager(secrets.endpoint(), "us-east-1", "AKIDAPITEST", "api-test-secret");
        operatorKey = CreateKey.create(RedisSettings.parse(redis.url(), redis.caFile()), "test-operator");
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.redis.hosts", redis.url());
        config.put("EDGELEDGER_REDIS_URL", redis.url());
        config.put("EDGELEDGER_REDIS_CA_FILE", redis.caFile().toString());
        config.put("edgeledger.s3.endpoint", s3Link.endpoint("http").toString());
        config.put("edgeledger.s3.access-key", EmbeddedS3.ACCESS_KEY);
        config.put("edgeledger.s3.secret-key", EmbeddedS3.SECRET_KEY);
        config.put("edgeledger.s3.ledger-bucket", LEDGER_BUCKET);
        config.put(NotarySettings.RPC, near.url().toString());
        config.put(NotarySettings.CONTRACT, near.contractId());
        config.put(NotarySettings.ACCOUNT, near.signer().accountId());
        config.put("edgeledger.api.probe-requests-per-second", "20");
        // the overall exchange limit would couple test methods that run in the same second; per token stays at its default
        config.put("edgeledger.enrollment.exchanges-per-second", "1000");
        config.put("edgeledger.test.operator-key", operatorKey);
        config.put(OperatorKeyPepper.SETTING, apiSecretArn);
        config.put("edgeledger.test.operator-key-pepper", pepper);
        config.put("edgeledger.test.redis-url", redis.url());
        config.put("edgeledger.test.near-credentials", near.credentialsFile().toString());
        return config;
    }

    /** The running S3 server. */
    public static EmbeddedS3 s3() {
        return s3;
    }

    /** The API's connection to S3, for tests that cut it (they must resume it: the app is shared). */
    public static CuttableTcpProxy s3Link() {
        return s3Link;
    }

    /** Stops Redis (cleanly, as a failover or a restart would), leaving the API running. */
    public static void stopRedis() {
        redis.stop();
    }

    /** Starts Redis again on the same port and certificate; it comes back empty, so the operator key is stored again. */
    public static void restartRedis() {
        redis = redis.restart();
        try (TestRedis client = new TestRedis(redis.url(), redis.caFile())) {
            client.call("HSET", "edgeledger:api-keys", io.edgeledger.api.auth.ApiKeyFormat.hash(operatorKey),
                    "{\"name\":\"test-operator\",\"created_at\":\"" + java.time.Instant.now() + "\"}");
        }
    }

    @Override
    public void stop() {
        if (near != null) {
            near.close();
        }
        if (secrets != null) {
            secrets.close();
        }
        if (s3Link != null) {
            s3Link.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
