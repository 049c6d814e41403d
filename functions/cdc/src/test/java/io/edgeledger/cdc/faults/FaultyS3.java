package io.edgeledger.cdc.faults;

import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.testing.EmbeddedS3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * A ledger store whose S3 misbehaves on every PUT, at the HTTP level of the real SDK against the real S3 API server
 * (s3proxy), so the batcher sees what it would see from S3: the request is changed before it is signed and sent,
 * the answer after it comes back. Reads are untouched.
 */
public final class FaultyS3 implements ExecutionInterceptor, AutoCloseable {
    /** Where the faulty PUTs really go: a bucket that does not exist, so nothing is stored. */
    private static final String NOWHERE = "edgeledger-no-such-bucket";

    public enum Fault {
        /** S3 answers 500 InternalError and stores nothing. */
        SERVER_ERROR,
        /** The body is changed on the way (one bit): S3 checks Content-MD5 / x-amz-checksum-sha256 and refuses it. */
        CORRUPTED_BODY
    }

    private final Fault fault;
    private final S3Client client;
    private final S3LedgerStore store;
    private final AtomicInteger puts = new AtomicInteger();

    public FaultyS3(EmbeddedS3 s3, String bucket, Fault fault) {
        this.fault = fault;
        // the ledger's own client settings (S3Clients): our checksums only, plain bodies, no 100-continue
        this.client = S3Client.builder()
                .endpointOverride(s3.endpoint()).forcePathStyle(true).region(EmbeddedS3.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).expectContinueEnabled(false).build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(this))
                .build();
        this.store = new S3LedgerStore(client, bucket);
    }

    public S3LedgerStore store() {
        return store;
    }

    /** PUT attempts that met the fault (the SDK's retries included). */
    public int faultyPuts() {
        return puts.get();
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.method() != SdkHttpMethod.PUT) {
            return request;
        }
        puts.incrementAndGet();
        if (fault == Fault.SERVER_ERROR) {
            // path style: /<bucket>/<key>; sent elsewhere, nothing lands in the ledger bucket
            String path = request.encodedPath();
            return request.toBuilder().encodedPath("/" + NOWHERE + path.substring(path.indexOf('/', 1))).build();
        }
        return request;
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Optional<RequestBody> body = context.requestBody();
        if (fault != Fault.CORRUPTED_BODY || context.httpRequest().method() != SdkHttpMethod.PUT || body.isEmpty()) {
            return body;
        }
        byte[] bytes;
        try (InputStream in = body.get().contentStreamProvider().newStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes[bytes.length / 2] ^= 0x01;
        return Optional.of(RequestBody.fromBytes(bytes));
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (fault == Fault.SERVER_ERROR && context.httpRequest().method() == SdkHttpMethod.PUT) {
            return context.httpResponse().toBuilder().statusCode(500).statusText("Internal Server Error").build();
        }
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (fault == Fault.SERVER_ERROR && context.httpRequest().method() == SdkHttpMethod.PUT) {
            return Optional.of(new ByteArrayInputStream(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
                    + "<Message>We encountered an internal error. Please try again.</Message></Error>").getBytes(StandardCharsets.UTF_8)));
        }
        return context.responseBody();
    }

    @Override
    public void close() {
        client.close();
    }
}
