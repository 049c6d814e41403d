package io.edgeledger.ledger.store.s3;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 without hashing a body whose SHA-256 is already in a signed {@code x-amz-checksum-sha256} header.
 *
 * <p>Over HTTPS the SDK signs S3 bodies as {@code UNSIGNED-PAYLOAD}; over plain HTTP (a local S3 server) it
 * hashes the whole body for the payload signature, and the SDK has no way to take a precomputed hash there
 * (2.57: the signed-payload checksummer always reads the body). Our PUTs carry their SHA-256 and MD5 in
 * headers the signature covers and the server verifies against the body before storing it, so the payload
 * hash adds no integrity: such requests are signed as {@code UNSIGNED-PAYLOAD} on either protocol. The
 * protocol is not part of the canonical request; only the ports where http and https would write the Host
 * header differently (80, 443, none) keep the SDK's own path.
 */
final class ChecksummedBodySigner implements HttpSigner<AwsCredentialsIdentity> {
    static final String CHECKSUM_HEADER = "x-amz-checksum-sha256";

    private final AwsV4HttpSigner sdk = AwsV4HttpSigner.create();

    /** The SDK's SigV4 scheme with this signer in it (S3's default scheme id, so the client picks it). */
    static AuthScheme<AwsCredentialsIdentity> scheme() {
        ChecksummedBodySigner signer = new ChecksummedBodySigner();
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return AwsV4AuthScheme.SCHEME_ID;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return signer;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest http = request.request();
        if (!bodyIsChecksummed(http)) {
            return sdk.sign(request);
        }
        SignedRequest signed = sdk.sign(request.copy(b -> b.request(http.toBuilder().protocol("https").build())
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)));
        return signed.copy(b -> b.request(signed.request().toBuilder().protocol(http.protocol()).build()));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return sdk.signAsync(request); // the store's client is synchronous
    }

    static boolean bodyIsChecksummed(SdkHttpRequest http) {
        int port = http.port();
        return "http".equals(http.protocol()) && port != 80 && port != 443 && port > 0
                && http.firstMatchingHeader(CHECKSUM_HEADER).isPresent();
    }
}
