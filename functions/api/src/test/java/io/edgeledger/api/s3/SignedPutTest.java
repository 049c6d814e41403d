package io.edgeledger.api.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.testing.EmbeddedS3;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive's lean PUT against a real S3 API (s3proxy, which checks SigV4): what it stores reads back byte for byte
 * through the full SDK client under the same key, keys that need encoding included, and a wrong secret or a missing
 * bucket is an {@link SdkException} (which the archive turns into 503), not a silent success.
 */
class SignedPutTest {
    private static final String BUCKET = "signed-put-test";

    private EmbeddedS3 s3;
    private S3Client client;

    @BeforeEach
    void start() {
        s3 = EmbeddedS3.start();
        s3.createBucket(BUCKET);
        client = s3.client();
    }

    @AfterEach
    void stop() {
        client.close();
        s3.close();
    }

    @Test
    void whatItStoresReadsBackThroughTheSdkUnderTheSameKey() {
        SignedPut put = new SignedPut(client, true);
        byte[] ndjson = "{\"kind\":\"metrics\",\"payload\":{\"a\":\"é\"}}\n".getBytes(StandardCharsets.UTF_8);
        for (String key : new String[] {"grouped/metrics/2026-12-07/235959.123-0011223344556677.ndjson",
                "events/by-session/a%2Fb+c/2026-12-07.day", "odd keys/with space/ünïcode~(1).ndjson"}) {
            put.put(BUCKET, key, ndjson, "application/x-ndjson");
            assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(ndjson);
            assertThat(client.headObject(b -> b.bucket(BUCKET).key(key)).contentType()).isEqualTo("application/x-ndjson");
        }
        put.put(BUCKET, "empty.day", new byte[0], "text/plain");
        assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key("empty.day")).asByteArray()).isEmpty();
    }

    @Test
    void aWrongSecretOrAMissingBucketIsAnErrorNotASilentSuccess() {
        try (S3Client forger = EmbeddedS3.clientBuilder(s3.endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, "not-the-secret"))).build()) {
            SignedPut put = new SignedPut(forger, true);
            assertThatThrownBy(() -> put.put(BUCKET, "forged.ndjson", new byte[] {1}, "application/x-ndjson"))
                    .isInstanceOf(SdkException.class).hasMessageContaining("403");
        }
        assertThat(client.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
        SignedPut put = new SignedPut(client, true);
        assertThatThrownBy(() -> put.put("no-such-bucket", "x.ndjson", new byte[] {1}, "application/x-ndjson"))
                .isInstanceOf(SdkException.class).hasMessageContaining("404");
    }
}
