package io.edgeledger.ledger.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.ledger.merkle.Sha256;
import io.edgeledger.ledger.store.LedgerStoreException;
import io.edgeledger.testing.EmbeddedS3;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The SDK-backed store against s3proxy, which verifies every SigV4 signature, Content-MD5 and x-amz-checksum-sha256. */
class S3LedgerStoreTransportTest {
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

    private static void put(S3LedgerStore s3, String key, byte[] bytes) {
        s3.put(key, bytes, Sha256.digest(bytes));
    }

    @Test
    void putGetAndListRoundTripKeysThatNeedEncoding() {
        try (S3LedgerStore s3 = S3LedgerStore.open(settings("sdk-roundtrip"))) {
            s3.ensureBucket();
            s3.ensureBucket(); // a second call finds it
            List<String> keys = List.of("db/public.orders/BATCH-1/batch-data.json", "db/odd key+=&?é/x.json", "db/z~_-.json");
            for (String key : keys) {
                put(s3, key, ("{\"k\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
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
        try (S3LedgerStore s3 = new S3LedgerStore(S3Clients.of(settings("sdk-pages")), "sdk-pages", true, 3)) {
            s3.ensureBucket();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                String key = String.format("p/%05d", i);
                put(s3, key, new byte[] {(byte) i});
                expected.add(key);
            }
            assertThat(s3.list("p/")).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aBucketOutsideUsEast1IsCreatedWithItsLocationConstraint() {
        S3Settings west = new S3Settings(server.endpoint(), "us-west-2", "sdk-west", EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
        try (S3LedgerStore s3 = S3LedgerStore.open(west)) {
            s3.ensureBucket();
            put(s3, "k", new byte[] {7});
            assertThat(s3.get("k")).hasValueSatisfying(b -> assertThat(b).containsExactly(7));
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheServerWithItsCode() {
        S3Settings good = settings("sdk-auth");
        try (S3LedgerStore s3 = S3LedgerStore.open(good)) {
            s3.ensureBucket();
        }
        try (S3LedgerStore s3 = S3LedgerStore.open(good.withCredentials(EmbeddedS3.ACCESS_KEY, "not-the-secret"))) {
            assertThatThrownBy(() -> put(s3, "k", new byte[] {1})).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("could not write s3://sdk-auth/k: HTTP 403 SignatureDoesNotMatch")
                    .hasMessageNotContaining("not-the-secret");
        }
    }

    @Test
    void aMissingBucketIsAnErrorNotAnEmptyObject() {
        try (S3LedgerStore s3 = S3LedgerStore.open(settings("sdk-no-such-bucket"))) {
            assertThatThrownBy(() -> s3.get("k")).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("could not read s3://sdk-no-such-bucket/k: HTTP 404 NoSuchBucket");
        }
    }

    @Test
    void anUnreachableServerFailsAfterRetriesNamingTheObject() {
        try (S3LedgerStore s3 = S3LedgerStore.open(settings("b").withEndpoint(URI.create("http://127.0.0.1:9")))) {
            assertThatThrownBy(() -> put(s3, "k", new byte[] {1})).isInstanceOf(LedgerStoreException.class)
                    .hasMessageContaining("could not write s3://b/k").hasMessageContaining("Connection refused")
                    .hasMessageMatching(".*SDK Attempt Count: [2-9].*"); // the SDK retried
        }
    }

    /** The store's own check: a body whose SHA-256 is not the one given is refused and not stored. */
    @Test
    void aPutWhoseBodyDoesNotMatchItsSha256IsRefusedAndNotStored() {
        try (S3LedgerStore s3 = S3LedgerStore.open(settings("sdk-checksum"))) {
            s3.ensureBucket();
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> s3.put("k", body, Sha256.digest("{\"a\":2}".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(LedgerStoreException.class).hasMessageContaining("could not write s3://sdk-checksum/k: HTTP 400");
            assertThat(s3.get("k")).isEmpty();
        }
    }

    /** s3proxy 4.1.0 checks each header on its own: a wrong Content-MD5 alone, or a wrong x-amz-checksum-sha256 alone, is refused. */
    @Test
    void theServerVerifiesContentMd5AndChecksumSha256EachOnItsOwn() throws Exception {
        server.createBucket("sdk-headers");
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String rightSha = Base64.getEncoder().encodeToString(Sha256.digest(body));
        String wrongSha = Base64.getEncoder().encodeToString(Sha256.digest(new byte[] {1}));
        String rightMd5 = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5").digest(body));
        String wrongMd5 = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5").digest(new byte[] {1}));
        try (S3Client client = S3Clients.of(settings("sdk-headers"))) {
            assertThatThrownBy(() -> client.putObject(b -> b.bucket("sdk-headers").key("md5").contentMD5(wrongMd5).checksumSHA256(rightSha),
                    RequestBody.fromBytes(body))).isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> client.putObject(b -> b.bucket("sdk-headers").key("sha").contentMD5(rightMd5).checksumSHA256(wrongSha),
                    RequestBody.fromBytes(body))).isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            client.putObject(b -> b.bucket("sdk-headers").key("ok").contentMD5(rightMd5).checksumSHA256(rightSha), RequestBody.fromBytes(body));
            assertThat(client.listObjectsV2(b -> b.bucket("sdk-headers")).contents()).extracting(o -> o.key()).containsExactly("ok");
        }
    }

    @Test
    void keysComeFromSettingsElseTheSdkDefaultChain() {
        S3Settings none = new S3Settings(null, "us-east-1", "b", null, null);
        assertThat(S3Clients.credentials(none)).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(S3Clients.credentials(settings("b")).resolveCredentials())
                .isEqualTo(AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY));
    }

    @Test
    void theEndpointComesFromEdgeledgerSettingsElseTheSdkStandardVariables() {
        assertThat(S3Settings.fromEnv(Map.of()).endpoint()).isNull();
        assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://a:1")).endpoint()).isEqualTo(URI.create("http://a:1"));
        assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://a:1", "AWS_ENDPOINT_URL_S3", "http://s3:2")).endpoint())
                .isEqualTo(URI.create("http://s3:2"));
        assertThat(S3Settings.fromEnv(Map.of("AWS_ENDPOINT_URL_S3", "http://s3:2", "EDGELEDGER_S3_ENDPOINT", "http://local:3")).endpoint())
                .isEqualTo(URI.create("http://local:3"));
    }
}
