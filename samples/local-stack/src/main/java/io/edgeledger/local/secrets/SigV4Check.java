package io.edgeledger.local.secrets;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks a request's SigV4 signature the only trustworthy way without AWS: sign the same request (its signed headers,
 * body and X-Amz-Date) again with the AWS SDK's own signer and our copy of the secret key, and compare.
 */
final class SigV4Check {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Why a request was refused: the AWS error type and message, as Secrets Manager answers them. */
    record Refusal(String type, String message) {}

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;

    SigV4Check(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /** Null when the signature is right, else why not. */
    Refusal check(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "authorization");
        Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (m == null || !m.matches()) {
            return new Refusal("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        if (!m.group(1).equals(accessKey)) {
            return new Refusal("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (!m.group(3).equals(region) || !m.group(4).equals(service)) {
            return new Refusal("InvalidSignatureException", "Credential should be scoped to " + region + "/" + service);
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(first(headers, "x-amz-date")));
        } catch (DateTimeParseException | NullPointerException e) {
            return new Refusal("IncompleteSignatureException", "X-Amz-Date is missing or malformed");
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        for (String name : m.group(5).split(";")) {
            if (!name.equals("x-amz-date")) {
                List<String> values = headers.get(name);
                if (values == null) {
                    return new Refusal("IncompleteSignatureException", "signed header " + name + " is missing");
                }
                request.putHeader(name, values);
            }
        }
        SignedRequest resigned = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request.build())
                .payload(() -> new java.io.ByteArrayInputStream(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        Matcher expected = AUTHORIZATION.matcher(resigned.request().firstMatchingHeader("Authorization").orElse(""));
        if (!expected.matches() || !MessageDigest.isEqual(expected.group(6).getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            return new Refusal("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
        }
        return null;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
