package io.edgeledger.api.redis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.api.local.CreateKey;
import io.edgeledger.api.support.TestRedis;
import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.secrets.RedisAuthSecret;
import io.edgeledger.testing.AwsSdkEndpoints;
import io.edgeledger.testing.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The ElastiCache AUTH password rotated in its secret while the API runs: the API's data source reads the secret again
 * after Redis refuses the old one, so its next connections get in, in the same container. Redis here is as deployed
 * (TLS only, an ACL user), the credentials come only from the secret (EDGELEDGER_REDIS_URL carries none), and the
 * rotation is what an operator does: new password on the user, new value in the secret; the API's open connections
 * are then dropped (as a failover or an idle timeout does) so it must connect again.
 */
@QuarkusTest
@TestProfile(RedisAuthRotationTest.SecretCredentials.class)
class RedisAuthRotationTest {
    private static final String SECRET = "edgeledger-test/redis-auth";

    public static final class SecretCredentials implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RotatingRedis.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true; // its own Redis and Secrets Manager: the shared ones put credentials in the URL
        }
    }

    /** TLS Redis whose only user's password lives in a local Secrets Manager; an operator key to call the API with. */
    public static final class RotatingRedis implements QuarkusTestResourceLifecycleManager {
        static RedisServer redis;
        static LocalSecretsManager secrets;
        static String password;
        static String operatorKey;

        @Override
        public Map<String, String> start() {
            password = "first-" + UUID.randomUUID();
            redis = RedisServer.startTls(password);
            try {
                secrets = LocalSecretsManager.start(0, "us-east-1", "AKIDROTATION", "rotation-test-secret");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String arn = secrets.put(secret(password));
            AwsSdkEndpoints.secretsManager(secrets.endpoint(), "us-east-1", "AKIDROTATION", "rotation-test-secret");
            String url = "rediss://" + RedisServer.TLS_HOST + ":" + redis.port(); // no credentials: they are in the secret
            operatorKey = CreateKey.create(RedisSettings.parse(adminUrl(), redis.caFile()), "rotation-operator");
            return Map.of("quarkus.redis.hosts", url, "EDGELEDGER_REDIS_URL", url,
                    "EDGELEDGER_REDIS_CA_FILE", redis.caFile().toString(), RedisAuthSecret.SETTING, arn);
        }

        static LocalSecretsManager.Secret secret(String pw) {
            return new LocalSecretsManager.Secret(SECRET, "{\"username\":\"" + RedisServer.TLS_USER + "\",\"password\":\"" + pw + "\"}", false);
        }

        /** New password on the user and in the secret, then every client connection but ours is dropped. */
        static void rotate() {
            String next = "rotated-" + UUID.randomUUID();
            try (TestRedis admin = new TestRedis(adminUrl(), redis.caFile())) {
                admin.call("ACL", "SETUSER", RedisServer.TLS_USER, "resetpass", ">" + next);
                secrets.put(secret(next));
                admin.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
            }
            password = next;
        }

        /** As the user, with the password it has now. */
        private static String adminUrl() {
            return "rediss://" + RedisServer.TLS_USER + ":" + password + "@" + RedisServer.TLS_HOST + ":" + redis.port();
        }

        @Override
        public void stop() {
            if (secrets != null) {
                secrets.close();
            }
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    void aPasswordRotatedInTheSecretIsReadAgainAfterRedisRefusesTheOldOne() throws Exception {
        given().get("/health").then().statusCode(200);
        RotatingRedis.rotate();
        // health: at most a refusal or two (which makes the API read the secret again), then in with the new password
        assertRecovers(() -> given().get("/health"), "/health after the rotation");

        RotatingRedis.rotate();
        // an operator call: the refusal is a 503 redis_unavailable with Retry-After (never a 500), then served again
        assertRecovers(() -> operator().get("/v1/probes"), "GET /v1/probes after the second rotation");
    }

    private static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + RotatingRedis.operatorKey);
    }

    private static void assertRecovers(Supplier<Response> call, String what) throws InterruptedException {
        List<String> refused = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Response r = call.get();
            if (r.statusCode() == 200) {
                break;
            }
            assertThat(r.statusCode()).as(what + ": " + r.asString()).isEqualTo(503);
            assertThat(r.header("Retry-After")).as(what).isNotBlank();
            refused.add(r.asString());
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": still refused after 60 s, " + refused.size() + " answers, last: " + r.asString());
            }
            Thread.sleep(200);
        }
        // the re-read happens at the first refusal (then at most once a second): a handful of 503s at most
        assertThat(refused).as(what).hasSizeLessThanOrEqualTo(10);
    }
}
