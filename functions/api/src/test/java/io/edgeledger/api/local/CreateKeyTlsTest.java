package io.edgeledger.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.api.auth.ApiKeyFormat;
import io.edgeledger.api.support.TestRedis;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.redis.RedisSettingsException;
import io.edgeledger.testing.RedisServer;
import io.edgeledger.testing.TestCertificates;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code api create-key} against TLS-only Redis with a password, and one clear line for each wrong setting. */
class CreateKeyTlsTest {
    private static final String PASSWORD = "create-key-secret";
    private static final RedisServer redis = RedisServer.startTls(PASSWORD);

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void storesTheKeyHashOverTls() {
        String key = CreateKey.create(RedisSettings.parse(redis.url(), redis.caFile()), "tls-operator");
        try (TestRedis client = new TestRedis(redis.url(), redis.caFile())) {
            assertThat(client.call("HGET", "edgeledger:api-keys", ApiKeyFormat.hash(key))).contains("tls-operator");
        }
    }

    @Test
    void aCertificateFromAnotherCaNamesTheCaSetting() throws Exception {
        Path otherCa = TestCertificates.create(Files.createTempDirectory("other-ca"), "localhost").caCert();
        refused(RedisSettings.parse(redis.url(), otherCa), "EDGELEDGER_REDIS_CA_FILE", "not trusted");
        refused(RedisSettings.parse(redis.url(), null), "EDGELEDGER_REDIS_CA_FILE", "not trusted");
    }

    @Test
    void aWrongHostNameIsNamed() {
        refused(RedisSettings.parse(redis.url().replace("@localhost:", "@127.0.0.1:"), redis.caFile()), "EDGELEDGER_REDIS_URL",
                "does not name host '127.0.0.1'");
    }

    @Test
    void aWrongPasswordIsNamed() {
        refused(RedisSettings.parse(redis.url().replace(PASSWORD, "nope"), redis.caFile()), "EDGELEDGER_REDIS_URL", "refused the credentials");
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        refused(RedisSettings.parse("rediss://localhost:" + closed, redis.caFile()), "EDGELEDGER_REDIS_URL", "cannot be reached");
    }

    private static void refused(RedisSettings settings, String setting, String what) {
        assertThatThrownBy(() -> CreateKey.create(settings, "x")).isInstanceOf(RedisSettingsException.class)
                .hasMessageContaining(setting).hasMessageContaining(what)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(PASSWORD));
    }
}
