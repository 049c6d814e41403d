package io.edgeledger.ledger.store.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** The ledger's SDK client: url-connection HTTP (small, Lambda-friendly), our own checksums, no extra round trips. */
final class S3Clients {
    private S3Clients() {}

    static S3Client of(S3Settings settings) {
        // The store sends Content-MD5 and x-amz-checksum-sha256 itself (the SHA-256 is the manifest's object
        // hash, computed once), so the SDK computes no checksum of its own (WHEN_REQUIRED) and sends plain,
        // not aws-chunked, bodies. No Expect: 100-continue: it costs a round trip per PUT.
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).expectContinueEnabled(false).build())
                .credentialsProvider(credentials(settings))
                // bodies whose SHA-256 is in a signed header are not hashed again for SigV4 (ChecksummedBodySigner)
                .putAuthScheme(ChecksummedBodySigner.scheme());
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint()).forcePathStyle(true);
        }
        return b.build();
    }

    /** The settings' static keys, else the SDK's default chain (environment, as Lambda sets it; profiles; roles). */
    static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey() != null && settings.secretKey() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
