package io.edgeledger.api.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One S3 {@code PutObject} of a byte array, signed with the SDK's own SigV4 signer and sent with the SDK's own HTTP
 * client, but without the client's per-call pipeline (interceptors, endpoint rules, auth-scheme resolution,
 * marshalling, metrics): that machinery was about two thirds of an archive PUT's CPU in the bench/api profile, the
 * signing and the HTTP exchange the rest. The archive's PUT is the one call on the ingest path, so only it takes
 * this route; every other S3 call keeps the full client. Same credentials, region, endpoint and addressing as the
 * client it is made from; the payload is signed (its SHA-256 in {@code x-amz-content-sha256}), transient failures
 * (I/O, 500, 503) are retried like the SDK's standard mode (3 attempts).
 */
public final class SignedPut implements AutoCloseable {
    private static final int ATTEMPTS = 3;

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final URI endpoint;
    private final boolean pathStyle;

    /** From the settings of {@code client}; {@code pathStyle} as the client was built (the SDK does not expose it). */
    public SignedPut(S3Client client, boolean pathStyle) {
        var config = client.serviceClientConfiguration();
        this.credentials = config.credentialsProvider();
        this.region = config.region().id();
        this.endpoint = config.endpointOverride().orElse(URI.create("https://s3." + region + ".amazonaws.com"));
        this.pathStyle = pathStyle;
    }

    /** Stores {@code bytes} as {@code bucket/key}; an {@link SdkException} when S3 refuses it or cannot be reached. */
    public void put(String bucket, String key, byte[] bytes, String contentType) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(objectUri(bucket, key))
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .build();
        ContentStreamProvider body = ContentStreamProvider.fromByteArrayUnsafe(bytes);
        for (int attempt = 1; ; attempt++) {
            try {
                send(request, body);
                return;
            } catch (SdkClientException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (SdkServiceException e) {
                if (!transientStatus(e.statusCode()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
            pause(Duration.ofMillis(25L << attempt));
        }
    }

    private void send(SdkHttpRequest request, ContentStreamProvider body) {
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveIdentity().join())
                .request(request)
                .payload(body)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                // S3's canonical path is the key as sent: neither encoded twice nor normalized
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        HttpExecuteResponse response;
        try {
            response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(body)).build()).call();
        } catch (IOException e) {
            throw SdkClientException.builder().message("S3 PUT failed: " + e.getMessage()).cause(e).build();
        }
        String answer = readAndClose(response);
        int status = response.httpResponse().statusCode();
        if (status / 100 != 2) {
            throw SdkServiceException.builder().statusCode(status)
                    .message("S3 answered " + status + " to PUT " + request.encodedPath() + ": " + answer).build();
        }
    }

    /** What S3 answers when it is throttling or briefly unwell: worth another try. */
    private static boolean transientStatus(int status) {
        return status == 500 || status == 503 || status == 429;
    }

    /** Path style: {@code endpoint/bucket/key}; otherwise the bucket is the host's first label. */
    private URI objectUri(String bucket, String key) {
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        if (pathStyle) {
            return endpoint.resolve("/" + SdkHttpUtils.urlEncode(bucket) + path);
        }
        return URI.create(endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority() + path);
    }

    /** The body (an S3 error document, or nothing) read to the end so the connection can be reused. */
    private static String readAndClose(HttpExecuteResponse response) {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.length() > 500 ? text.substring(0, 500) : text;
        } catch (IOException e) {
            return "(body unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.builder().message("interrupted between S3 PUT attempts").build();
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
