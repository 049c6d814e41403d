package io.edgeledger.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.cdc.batcher.BatcherReport;
import io.edgeledger.cdc.minter.MinterReport;
import io.edgeledger.cdc.redis.RedisException;
import io.edgeledger.testing.RedisServer;
import io.edgeledger.testing.TestCertificates;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The batcher and the minter against Redis as deployed: TLS only (no plain-text port), a certificate from a
 * private CA (EDGELEDGER_REDIS_CA_FILE), an ACL user with a password in the URL. Each wrong setting fails the
 * run with one line naming the setting and the fix, and acks nothing: a later good run seals every entry.
 */
class RedisTlsTest {
    private static final String PASSWORD = "tls-test-secret";
    static final RedisServer redis = RedisServer.startTls(PASSWORD);
    static final CdcStack stack = new CdcStack(redis, redis.caFile());

    static {
        stack.env.put("EDGELEDGER_CDC_PREFIX", "tls");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void batcherAndMinterWorkOverTlsWithAPassword() {
        int loaded;
        try (TestRedis redis = stack.redisConnection()) {
            loaded = Samples.load(redis, Samples.entries("redis/streams-extended-schemas.jsonl", "tls"), 0);
        }
        BatcherReport sealed = stack.batcher(StepHook.NONE).run(CdcStack.longDeadline());
        assertThat(sealed.entriesAcked()).isEqualTo(loaded);
        assertThat(sealed.batchesSealed()).isPositive();
        MinterReport minted = stack.minter(StepHook.NONE).run(CdcStack.longDeadline());
        assertThat(minted.minted()).isEqualTo(sealed.batchesSealed());
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedNamingTheCaSetting() throws IOException {
        String otherCa = TestCertificates.create(Files.createTempDirectory("other-ca"), "localhost").caCert().toString();
        failsAndAcksNothing(env -> env.put("EDGELEDGER_REDIS_CA_FILE", otherCa), "EDGELEDGER_REDIS_CA_FILE", "not trusted");
    }

    @Test
    void withoutTheCaFileTheJvmRootsDoNotTrustAPrivateCa() {
        failsAndAcksNothing(env -> env.remove("EDGELEDGER_REDIS_CA_FILE"), "EDGELEDGER_REDIS_CA_FILE", "not trusted");
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() {
        // The certificate names "localhost"; 127.0.0.1 reaches the same server under a name it does not carry.
        failsAndAcksNothing(env -> env.put("EDGELEDGER_REDIS_URL", stack.redis.url().replace("@localhost:", "@127.0.0.1:")),
                "EDGELEDGER_REDIS_URL", "does not name host '127.0.0.1'");
    }

    @Test
    void aWrongPasswordIsRefusedNamingWhereCredentialsComeFrom() {
        failsAndAcksNothing(env -> env.put("EDGELEDGER_REDIS_URL", stack.redis.url().replace(PASSWORD, "wrong")),
                "EDGELEDGER_REDIS_URL", "refused the credentials");
    }

    @Test
    void anUnreachableServerIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "rediss://edgeledger:x@localhost:" + closedPort;
        failsAndAcksNothing(env -> env.put("EDGELEDGER_REDIS_URL", url), "EDGELEDGER_REDIS_URL", "cannot be reached");
    }

    private static void failsAndAcksNothing(Consumer<java.util.Map<String, String>> breakIt, String setting, String what) {
        String stream = "tls.bad" + System.nanoTime() + ".t";
        try (TestRedis redis = stack.redisConnection()) {
            redis.call("XADD", stream, "*", "key", "{\"id\":1}", "value", "{\"id\":1}");
        }
        java.util.Map<String, String> saved = new java.util.HashMap<>(stack.env);
        breakIt.accept(stack.env);
        try {
            for (Runnable run : List.<Runnable>of(() -> stack.batcher(StepHook.NONE).run(CdcStack.longDeadline()),
                    () -> stack.minter(StepHook.NONE).run(CdcStack.longDeadline()))) {
                assertThatThrownBy(run::run).isInstanceOf(RedisException.class)
                        .hasMessageContaining(setting).hasMessageContaining(what)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(PASSWORD).doesNotContain("wrong@"));
            }
        } finally {
            stack.env.clear();
            stack.env.putAll(saved);
        }
        try (TestRedis redis = stack.redisConnection()) {
            assertThat(redis.call("EXISTS", stream + ":dead")).isEqualTo(0L);
            assertThat(redis.call("XLEN", stream)).isEqualTo(1L);
        }
        // Nothing was read or acked: the next good run takes the entry.
        assertThat(stack.batcher(StepHook.NONE).run(CdcStack.longDeadline()).entriesAcked()).isGreaterThanOrEqualTo(1);
    }
}
