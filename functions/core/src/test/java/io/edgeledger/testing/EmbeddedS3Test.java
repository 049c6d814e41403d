package io.edgeledger.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class EmbeddedS3Test {
    @Test
    void putThenGetOverTheRealS3Protocol() {
        try (EmbeddedS3 s3 = EmbeddedS3.start(); S3Client client = s3.client()) {
            s3.createBucket("ledger");
            client.putObject(b -> b.bucket("ledger").key("db/t/BATCH-1/manifest.json"), RequestBody.fromString("{\"a\":1}"));
            assertThat(client.getObjectAsBytes(b -> b.bucket("ledger").key("db/t/BATCH-1/manifest.json")).asUtf8String())
                    .isEqualTo("{\"a\":1}");
            assertThatThrownBy(() -> client.getObjectAsBytes(b -> b.bucket("ledger").key("missing")))
                    .isInstanceOf(NoSuchKeyException.class);
        }
    }

    /**
     * Hundreds of PUTs one after another on the kept-alive connection of {@link EmbeddedS3#client()}'s settings, with
     * no retry to hide a failure: s3proxy must read each body to its end, or it drops the connection under the next
     * request (see {@link EmbeddedS3#clientBuilder}). With the SDK's default aws-chunked bodies this failed 3 to 6
     * times in 200 PUTs here.
     */
    @Test
    void manyPutsInARowOnOneConnectionAllSucceedWithoutRetries() {
        byte[] body = new byte[32 * 1024];
        new java.util.Random(7).nextBytes(body);
        try (EmbeddedS3 s3 = EmbeddedS3.start(); S3Client client = EmbeddedS3.clientBuilder(s3.endpoint())
                .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry())).build()) {
            s3.createBucket("ledger");
            for (int i = 0; i < 300; i++) {
                String key = "put-" + i;
                client.putObject(b -> b.bucket("ledger").key(key), RequestBody.fromBytes(body));
            }
            assertThat(client.listObjectsV2(b -> b.bucket("ledger")).keyCount()).isEqualTo(300);
        }
    }

    @Test
    void fileBackendSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory("edgeledger-s3-");
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir); S3Client client = s3.client()) {
            s3.createBucket("ledger");
            client.putObject(b -> b.bucket("ledger").key("k"), RequestBody.fromString("kept"));
        }
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir); S3Client client = s3.client()) {
            assertThat(client.getObjectAsBytes(b -> b.bucket("ledger").key("k")).asUtf8String()).isEqualTo("kept");
        }
    }
}
