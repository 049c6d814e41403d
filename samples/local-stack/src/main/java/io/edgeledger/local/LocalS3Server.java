package io.edgeledger.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The local stack's S3: a real S3 API (s3proxy) over a folder, so batches survive restarts and can be
 * inspected with ordinary tools. Settings come from the environment, as for the functions.
 */
public final class LocalS3Server {
    private LocalS3Server() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("EDGELEDGER_S3_PORT", "9000"));
        Path dir = Path.of(env("EDGELEDGER_S3_DIR", ".edgeledger/s3"));
        String accessKey = env("EDGELEDGER_S3_ACCESS_KEY", "edgeledger");
        String secretKey = env("EDGELEDGER_S3_SECRET_KEY", "edgeledger-local-secret");
        String bucket = env("EDGELEDGER_S3_BUCKET", "edgeledger-ledger");
        Files.createDirectories(dir);

        URI endpoint = URI.create("http://127.0.0.1:" + port);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()))
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // a restart over the same folder
        }
        System.out.println("S3 API at " + endpoint + " (bucket " + bucket + ", data in " + dir.toAbsolutePath() + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
