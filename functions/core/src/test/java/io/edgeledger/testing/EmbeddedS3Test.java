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
