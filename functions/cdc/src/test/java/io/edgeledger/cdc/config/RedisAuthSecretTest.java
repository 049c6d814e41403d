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
        return settings(redis, secretArn);
    }

    private static Settings settings(RedisServer server, String secretArn) {
        Map<String, String> env = new HashMap<>(Map.of(
                "EDGELEDGER_REDIS_URL", "rediss://" + RedisServer.TLS_HOST + ":" + server.port(),
                "EDGELEDGER_REDIS_CA_FILE", server.caFile().toString()));
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

    /**
     * The token is kept for the container's life, and read again only when Redis refuses it: after a rotation (Redis
     * takes only the new token, the secret holds it) the next connection first tries the kept token, is refused, reads
     * the secret again and gets in.
     */
    @Test
    void aRotatedTokenIsReadAgainWhenRedisRefusesTheKeptOne() {
        String first = "first-" + java.util.UUID.randomUUID();
        String second = "second-" + java.util.UUID.randomUUID();
        try (RedisServer rotating = RedisServer.startTls(first)) {
            String arn = sm.put(new Secret("redis-rotating", rbac(first), false));
            try (RedisConnection connection = RedisConnection.open(settings(rotating, arn).redis())) {
                connection.run(j -> j.aclSetUser(RedisServer.TLS_USER, "resetpass", ">" + second));
            }
            sm.put(new Secret("redis-rotating", rbac(second), false));
            try (RedisConnection again = RedisConnection.open(settings(rotating, arn).redis())) {
                String pong = again.run(jedis -> jedis.ping());
                assertThat(pong).isEqualTo("PONG");
            }
        }
    }

    private static String rbac(String password) {
        return "{\"username\":\"" + RedisServer.TLS_USER + "\",\"password\":\"" + password + "\"}";
    }
}
