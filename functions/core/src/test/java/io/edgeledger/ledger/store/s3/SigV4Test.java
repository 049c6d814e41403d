package io.edgeledger.ledger.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Against AWS's published examples: the S3 GET Object example and the SigV4 test suite's query-order case. */
class SigV4Test {

    @Test
    void s3GetObjectExampleFromTheS3Documentation() {
        SigV4 signer = new SigV4(new S3Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null),
                "us-east-1", "s3");
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", "examplebucket.s3.amazonaws.com");
        headers.put("range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SigV4.EMPTY_PAYLOAD_HASH);
        headers.put("x-amz-date", "20130524T000000Z");
        assertThat(signer.authorization("GET", "/test.txt", "", headers, SigV4.EMPTY_PAYLOAD_HASH)).isEqualTo(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void testSuiteGetVanillaQueryOrderKeyCase() {
        SigV4 signer = new SigV4(new S3Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null),
                "us-east-1", "service");
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", "example.amazonaws.com");
        headers.put("x-amz-date", "20150830T123600Z");
        String auth = signer.authorization("GET", "/", "Param1=value1&Param2=value2", headers, SigV4.EMPTY_PAYLOAD_HASH);
        assertThat(auth).endsWith("SignedHeaders=host;x-amz-date,"
                + "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        // The derived key is cached per day: a second request the same day signs the same way.
        assertThat(signer.authorization("GET", "/", "Param1=value1&Param2=value2", headers, SigV4.EMPTY_PAYLOAD_HASH)).isEqualTo(auth);
    }

    @Test
    void uriEncodingKeepsUnreservedCharactersAndOptionallySlashes() {
        assertThat(SigV4.uriEncode("etrapdb/public.orders/BATCH-1~_x", true)).isEqualTo("etrapdb/public.orders/BATCH-1~_x");
        assertThat(SigV4.uriEncode("a/b", false)).isEqualTo("a%2Fb");
        assertThat(SigV4.uriEncode("a b+c=é*", true)).isEqualTo("a%20b%2Bc%3D%C3%A9%2A");
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        S3Credentials c = new S3Credentials("AKID", "very-secret", "token-secret");
        assertThat(c.toString()).contains("AKID").doesNotContain("very-secret").doesNotContain("token-secret");
    }
}
