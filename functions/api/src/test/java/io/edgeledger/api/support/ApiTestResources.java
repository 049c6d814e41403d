package io.edgeledger.api.support;

import io.edgeledger.api.local.CreateKey;
import io.edgeledger.nearemu.NearEmulator;
import io.edgeledger.testing.EmbeddedS3;
import io.edgeledger.testing.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real parts the API talks to, started once for the test run: a private redis-server, an S3 API (s3proxy) and
 * the NEAR RPC emulator. Also creates an operator key through the create-key code path.
 */
public class ApiTestResources implements QuarkusTestResourceLifecycleManager {
    public static final String LEDGER_BUCKET = "edgeledger-ledger";

    private RedisServer redis;
    private EmbeddedS3 s3;
    private NearEmulator near;

    @Override
    public Map<String, String> start() {
        redis = RedisServer.start();
        s3 = EmbeddedS3.start();
        s3.createBucket(LEDGER_BUCKET);
        near = NearEmulator.start();
        String operatorKey;
        try {
            operatorKey = CreateKey.create(redis.url(), "test-operator");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not create the test operator key", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.redis.hosts", redis.url());
        config.put("edgeledger.s3.endpoint", s3.endpoint().toString());
        config.put("edgeledger.s3.access-key", EmbeddedS3.ACCESS_KEY);
        config.put("edgeledger.s3.secret-key", EmbeddedS3.SECRET_KEY);
        config.put("edgeledger.s3.ledger-bucket", LEDGER_BUCKET);
        config.put("edgeledger.near.rpc-url", near.url().toString());
        config.put("edgeledger.near.contract", near.contractId());
        config.put("edgeledger.api.probe-requests-per-second", "20");
        // the overall exchange limit would couple test methods that run in the same second; per token stays at its default
        config.put("edgeledger.enrollment.exchanges-per-second", "1000");
        config.put("edgeledger.test.operator-key", operatorKey);
        config.put("edgeledger.test.redis-url", redis.url());
        config.put("edgeledger.test.near-credentials", near.credentialsFile().toString());
        return config;
    }

    @Override
    public void stop() {
        if (near != null) {
            near.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
