package io.edgeledger.api.s3;

import io.edgeledger.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * One S3 client for the archive and the ledger. The URL-connection HTTP client starts fast (it matters for a Lambda
 * cold start); static keys for the local stack, the default chain (the Lambda role) otherwise.
 */
@ApplicationScoped
public class S3ClientProducer {
    @Produces
    @ApplicationScoped
    S3Client s3(ApiConfig config) {
        ApiConfig.S3 s3 = config.s3();
        var builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // The archive PUTs are small JSON bodies; a CRC32 trailer on every request (the SDK default since
                // 2.30) costs CPU per ingestion and S3 does not need it. SigV4 still covers the body (HTTP) or TLS does.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                // Over plain HTTP (the local stack) the SDK would stream-sign every PUT as aws-chunked, a rolling
                // signature per chunk through a chain of wrapper streams (a fifth of the archive writer's CPU in the
                // bench profile); the bodies are byte arrays, so one SHA-256 of the whole payload signs them as well.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s3.endpoint().filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
        if (s3.accessKey().isPresent() && s3.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey().get(), s3.secretKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }
}
