package io.edgeledger.ledger.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import org.junit.jupiter.api.Test;

/** The signer reads no body that carries its own signed checksum; anything else is signed as the SDK does. */
class ChecksummedBodySignerTest {
    private static final AwsCredentialsIdentity KEYS = AwsCredentialsIdentity.create("AKID", "secret");

    /** A body the signer must not read: any read fails the test. */
    private static final ContentStreamProvider UNREADABLE = () -> new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("the body was read for the signature");
        }
    };

    private static SdkHttpRequest put(String endpoint, boolean checksummed) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(URI.create(endpoint + "/bucket/key"))
                .putHeader("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==");
        if (checksummed) {
            b.putHeader(ChecksummedBodySigner.CHECKSUM_HEADER, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        }
        return b.build();
    }

    private static SignedRequest sign(SdkHttpRequest request, ContentStreamProvider body) {
        return new ChecksummedBodySigner().sign(r -> r.request(request).payload(body).identity(KEYS)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false));
    }

    @Test
    void aChecksummedBodyOverHttpIsNotReadAndItsChecksumsAreSigned() {
        SignedRequest signed = sign(put("http://127.0.0.1:18183", true), UNREADABLE);
        assertThat(signed.request().protocol()).isEqualTo("http");
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
        assertThat(signed.request().firstMatchingHeader("Authorization")).hasValueSatisfying(a ->
                assertThat(a).contains("content-md5").contains("x-amz-checksum-sha256").contains("host"));
    }

    @Test
    void aBodyWithoutItsChecksumIsHashedAsTheSdkDoes() {
        ContentStreamProvider empty = () -> InputStream.nullInputStream();
        SignedRequest signed = sign(put("http://127.0.0.1:18183", false), empty);
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
                .hasValue("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void onThePortsWhereHttpAndHttpsNameTheHostDifferentlyTheSdkSignsAsItWould() {
        ContentStreamProvider empty = () -> InputStream.nullInputStream();
        assertThat(sign(put("http://127.0.0.1", true), empty).request().firstMatchingHeader("x-amz-content-sha256"))
                .hasValue("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
