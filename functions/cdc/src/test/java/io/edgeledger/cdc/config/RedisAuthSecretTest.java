package io.edgeledger.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.local.secrets.LocalSecretsManager.Secret;
import io.edgeledger.testing.RedisServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis AUTH token / RBAC user from the secret EDGELEDGER_REDIS_AUTH_SECRET_ARN (the real SDK client against the
 * local Secrets Manager), against TLS-only Redis that lets in only its ACL user: the URL carries no password, the
 * secret does. Without the secret the same URL is refused.
 */
class RedisAuthSecretTest {
    private static final String PASSWORD = "secret-" + java.util.UUID.randomUUID();
    private static LocalSecretsManager sm;
    private static RedisServer redis;

    @BeforeAll
    static void start() throws Exception {
        sm = TestSecretsManager.get();
        redis = RedisServer.startTls(PASSWORD);
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    private static Settings settings(String secretArn) {
        Map<String, String> env = new HashMap<>(Map.of(
                "EDGELEDGER_REDIS_URL", "rediss://" + RedisServer.TLS_HOST + ":" + redis.port(),
                "EDGELEDGER_REDIS_CA_FILE", redis.caFile().toString()));
        if (secretArn != null) {
            env.put("EDGELEDGER_REDIS_AUTH_SECRET_ARN", secretArn);
        }
        return new Settings(env::get);
    }

    @Test
    void anRbacUserFromTheSecretGetsIn() {
        String arn = sm.put(new Secret("redis-rbac", "{\"username\":\"" + RedisServer.TLS_USER + "\",\"password\":\"" + PASSWORD + "\"}", false));
        try (RedisConnection connection = RedisConnection.open(settings(arn).redis())) {
            assertThat(connection).isNotNull();
        }
    }

    @Test
    void withoutTheSecretTheSameUrlIsRefused() {
        assertThatThrownBy(() -> RedisConnection.open(settings(null).redis()).close())
                .hasMessageContaining("EDGELEDGER_REDIS_URL");
    }

    @Test
    void aMalformedSecretNamesTheSettingWithoutItsValue() {
        String arn = sm.put(new Secret("redis-malformed", "{\"user\":\"x\",\"pass\":\"" + PASSWORD + "\"}", false));
        assertThatThrownBy(() -> RedisConnection.open(settings(arn).redis()).close())
                .hasMessageContaining("EDGELEDGER_REDIS_AUTH_SECRET_ARN=" + arn).hasMessageNotContaining(PASSWORD);
    }
}
