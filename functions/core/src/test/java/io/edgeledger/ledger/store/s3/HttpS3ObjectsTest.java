package io.edgeledger.ledger.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.testing.EmbeddedS3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-signed transport against s3proxy, which verifies every SigV4 signature and payload hash. */
class HttpS3ObjectsTest {
    private static EmbeddedS3 server;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static S3Settings settings(String bucket) {
        return new S3Settings(server.endpoint(), EmbeddedS3.REGION.id(), bucket, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
    }

    private static HttpS3Objects objects(S3Settings settings) {
        return new HttpS3Objects(settings, S3Credentials.resolve(settings, Map.of()).orElseThrow(), Clock.systemUTC());
    }

    @Test
    void putGetAndListRoundTripKeysThatNeedEncoding() {
        try (HttpS3Objects s3 = objects(settings("http-roundtrip"))) {
            s3.ensureBucket();
            s3.ensureBucket(); // a second call finds it
            List<String> keys = List.of("db/public.orders/BATCH-1/batch-data.json", "db/odd key+=&?é/x.json", "db/z~_-.json");
            for (String key : keys) {
                s3.put(key, ("{\"k\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            for (String key : keys) {
                assertThat(new String(s3.get(key).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"" + key + "\"}");
            }
            assertThat(s3.list("db/")).containsExactly("db/odd key+=&?é/x.json", "db/public.orders/BATCH-1/batch-data.json", "db/z~_-.json");
            assertThat(s3.list("db/public")).containsExactly("db/public.orders/BATCH-1/batch-data.json");
            assertThat(s3.list("nothing/")).isEmpty();
            assertThat(s3.get("db/missing.json")).isEmpty();
        }
    }

    @Test
    void listingFollowsContinuationTokensAcrossPages() {
        S3Settings settings = settings("http-pages");
        try (HttpS3Objects s3 = new HttpS3Objects(settings, S3Credentials.resolve(settings, Map.of()).orElseThrow(), Clock.systemUTC(), 3)) {
            s3.ensureBucket();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                String key = String.format("p/%05d", i);
                s3.put(key, new byte[] {(byte) i});
                expected.add(key);
            }
            assertThat(s3.list("p/")).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aBucketOutsideUsEast1IsCreatedWithItsLocationConstraint() {
        S3Settings west = new S3Settings(server.endpoint(), "us-west-2", "http-west", EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
        try (HttpS3Objects s3 = objects(west)) {
            s3.ensureBucket();
            s3.put("k", new byte[] {7});
            assertThat(s3.get("k")).hasValueSatisfying(b -> assertThat(b).containsExactly(7));
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheServerWithItsCode() {
        S3Settings good = settings("http-auth");
        try (HttpS3Objects s3 = objects(good)) {
            s3.ensureBucket();
        }
        try (HttpS3Objects s3 = objects(good.withCredentials(EmbeddedS3.ACCESS_KEY, "not-the-secret"))) {
            assertThatThrownBy(() -> s3.put("k", new byte[] {1})).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("could not write s3://http-auth/k: HTTP 403").hasMessageContaining("SignatureDoesNotMatch")
                    .hasMessageNotContaining("not-the-secret");
        }
    }

    @Test
    void aMissingBucketIsAnErrorNotAnEmptyObject() {
        try (HttpS3Objects s3 = objects(settings("http-no-such-bucket"))) {
            assertThatThrownBy(() -> s3.get("k")).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("could not read s3://http-no-such-bucket/k: HTTP 404 NoSuchBucket");
        }
    }

    @Test
    void anUnreachableServerFailsAfterRetriesNamingTheObject() {
        S3Settings nowhere = settings("b").withEndpoint(java.net.URI.create("http://127.0.0.1:9"));
        try (HttpS3Objects s3 = objects(nowhere)) {
            assertThatThrownBy(() -> s3.put("k", new byte[] {1})).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("could not write s3://b/k after 4 attempts");
        }
    }

    @Test
    void keysComeFromSettingsElseTheLambdaEnvironmentElseTheSdkChain() {
        S3Settings none = new S3Settings(null, "us-east-1", "b", null, null);
        assertThat(S3Credentials.resolve(none, Map.of())).isEmpty();
        assertThat(S3Credentials.resolve(none, Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "s",
                "AWS_SESSION_TOKEN", "t"))).contains(new S3Credentials("AKID", "s", "t"));
        assertThat(S3Credentials.resolve(settings("b"), Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "s")))
                .contains(new S3Credentials(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY, null));
    }
}
