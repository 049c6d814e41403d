package io.edgeledger.testing;

import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * A real S3 API server (s3proxy) on a free loopback port, with SigV4 authentication, backed by memory
 * or by a folder. Tests talk to it with the ordinary AWS SDK v2 client from {@link #client()}.
 */
public final class EmbeddedS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "edgeledger-test";
    public static final String SECRET_KEY = "edgeledger-test-secret";
    public static final Region REGION = Region.US_EAST_1;

    private final BlobStore store;
    private final URI endpoint;
    private S3Proxy proxy;

    private EmbeddedS3(BlobStore store, S3Proxy proxy, URI endpoint) {
        this.store = store;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** In memory: gone when closed. */
    public static EmbeddedS3 start() {
        return start(new TransientNio2BlobStore());
    }

    /** On disk under {@code dir}: a restarted server sees what an earlier one wrote. */
    public static EmbeddedS3 start(Path dir) {
        return start(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()));
    }

    private static EmbeddedS3 start(BlobStore store) {
        URI endpoint;
        try {
            endpoint = URI.create("http://127.0.0.1:" + RedisServer.freePort());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the embedded S3 server", e);
        }
        return new EmbeddedS3(store, serve(store, endpoint), endpoint);
    }

    private static S3Proxy serve(BlobStore store, URI endpoint) {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start within 10 s (state " + proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded S3 server: " + e.getMessage(), e);
        }
    }

    /** Fault injection: the server stops listening (connections in flight are cut); the objects stay. */
    public synchronized void stop() {
        close();
    }

    /** Serves the same objects again on the same endpoint after {@link #stop()}. */
    public synchronized void restart() {
        proxy = serve(store, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** An AWS SDK v2 client for this server (path-style addressing, static test credentials, plain bodies). */
    public S3Client client() {
        return clientBuilder(endpoint).build();
    }

    /**
     * A client builder for an s3proxy at {@code endpoint}, sending PUT bodies as they are (what the ledger's own
     * client, {@code S3Clients}, does). With the SDK's defaults over HTTP a PUT body is aws-chunked (signed chunks, a
     * CRC32 trailer): s3proxy answers 200 before it has read the body's last bytes, and Jetty then closes the
     * connection ("Unconsumed") without a {@code Connection: close}. The JDK client keeps that connection and the
     * next request on it fails with "Error writing request body to server" or "Unexpected end of file from server":
     * 3 in 200 PUTs here without retries, and once in CI after the SDK's retries too (EmbeddedS3Test).
     */
    public static S3ClientBuilder clientBuilder(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).expectContinueEnabled(false).build());
    }

    public void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public synchronized void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the embedded S3 server", e);
        }
    }
}
