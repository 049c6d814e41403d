package io.edgeledger.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.testing.Property;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {
    private static final byte[] BODY = "{\"batch_id\":\"b-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final String NONCE = "0123456789abcdef0123456789abcdef";

    @Test
    void matchesAVectorComputedWithOpenssl() {
        // printf '1767225600\n<nonce>\nPOST\n/v1/ingest/metrics\n<sha256 of body>' | openssl dgst -sha256 -hmac probe-secret-1
        CallbackSignature signer = new CallbackSignature("probe-secret-1");
        assertThat(CallbackSignature.sha256Hex(BODY))
                .isEqualTo("91cf91f168d19eaea5dc5927c87781579bc62678dc058ee47163639af13a327a");
        assertThat(signer.sign(1767225600L, NONCE, "post", "/v1/ingest/metrics", BODY))
                .isEqualTo("v1=27348f111be6b072ff9be30a9ecd1f390a4633b7289765ddac4caf352575da44");
    }

    @Test
    void canonicalStringIsTheFiveFieldsJoinedByNewlines() {
        assertThat(CallbackSignature.canonical(12, "n", "get", "/v1/probes/p/jobs", new byte[0]))
                .isEqualTo("12\nn\nGET\n/v1/probes/p/jobs\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(CallbackSignature.canonicalPath(URI.create("https://h:8443/v1/probes/p%201/jobs?wait=20")))
                .isEqualTo("/v1/probes/p%201/jobs");
    }

    @Test
    void headersVerifyWithTheSameClassAndAnyChangeBreaksThem() {
        CallbackSignature signer = new CallbackSignature("s3cret");
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        Map<String, String> h = signer.headers("probe-7", now, NONCE, "POST", "/v1/ingest/events", BODY);
        assertThat(h).containsEntry(CallbackSignature.HEADER_PROBE, "probe-7")
                .containsEntry(CallbackSignature.HEADER_TIMESTAMP, "1800000000")
                .containsEntry(CallbackSignature.HEADER_NONCE, NONCE);
        String sig = h.get(CallbackSignature.HEADER_SIGNATURE);
        long ts = CallbackSignature.parseTimestamp(h.get(CallbackSignature.HEADER_TIMESTAMP));

        assertThat(signer.verify(sig, ts, NONCE, "POST", "/v1/ingest/events", BODY)).isTrue();
        assertThat(signer.verify(sig.toUpperCase().replace("V1=", "v1="), ts, NONCE, "POST", "/v1/ingest/events", BODY)).isTrue();
        assertThat(signer.verify(sig, ts + 1, NONCE, "POST", "/v1/ingest/events", BODY)).isFalse();
        assertThat(signer.verify(sig, ts, NONCE.replace('0', '1'), "POST", "/v1/ingest/events", BODY)).isFalse();
        assertThat(signer.verify(sig, ts, NONCE, "PUT", "/v1/ingest/events", BODY)).isFalse();
        assertThat(signer.verify(sig, ts, NONCE, "POST", "/v1/ingest/metrics", BODY)).isFalse();
        assertThat(signer.verify(sig, ts, NONCE, "POST", "/v1/ingest/events", "{}".getBytes())).isFalse();
        assertThat(new CallbackSignature("other").verify(sig, ts, NONCE, "POST", "/v1/ingest/events", BODY)).isFalse();
        assertThat(signer.verify(sig.substring(3), ts, NONCE, "POST", "/v1/ingest/events", BODY)).isFalse();
        assertThat(signer.verify("v1=zz", ts, NONCE, "POST", "/v1/ingest/events", BODY)).isFalse();
        assertThat(signer.verify(sig.substring(0, sig.length() - 2), ts, NONCE, "POST", "/v1/ingest/events", BODY)).isFalse();
        assertThat(signer.verify(null, ts, NONCE, "POST", "/v1/ingest/events", BODY)).isFalse();
    }

    @Test
    void anyFlippedBitOfTheBodyFailsVerification() {
        CallbackSignature signer = new CallbackSignature("k");
        Property.forAll(2_000, random -> {
            byte[] body = new byte[1 + random.nextInt(200)];
            random.nextBytes(body);
            String sig = signer.sign(5, NONCE, "POST", "/v1/ingest/traceroute", body);
            assertThat(signer.verify(sig, 5, NONCE, "POST", "/v1/ingest/traceroute", body)).isTrue();
            body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
            assertThat(signer.verify(sig, 5, NONCE, "POST", "/v1/ingest/traceroute", body)).isFalse();
        });
    }

    @Test
    void skewIsCheckedBothWays() {
        Instant now = Instant.ofEpochSecond(10_000);
        assertThat(CallbackSignature.withinSkew(10_000 - 300, now)).isTrue();
        assertThat(CallbackSignature.withinSkew(10_000 + 300, now)).isTrue();
        assertThat(CallbackSignature.withinSkew(10_000 - 301, now)).isFalse();
        assertThat(CallbackSignature.withinSkew(10_000 + 301, now)).isFalse();
    }

    @Test
    void malformedHeadersAreTypedErrorsNotCrashes() {
        assertThatThrownBy(() -> CallbackSignature.parseTimestamp("12a"))
                .isInstanceOf(CallbackSignature.SignatureFormatException.class)
                .hasMessageContaining(CallbackSignature.HEADER_TIMESTAMP);
        assertThatThrownBy(() -> CallbackSignature.parseTimestamp("99999999999999999999"))
                .isInstanceOf(CallbackSignature.SignatureFormatException.class);
        assertThatThrownBy(() -> CallbackSignature.parseTimestamp(null))
                .isInstanceOf(CallbackSignature.SignatureFormatException.class);
        assertThatThrownBy(() -> new CallbackSignature("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noncesAre128BitHexAndValidated() {
        String nonce = CallbackSignature.newNonce(new SecureRandom());
        assertThat(nonce).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(CallbackSignature.validNonce(nonce)).isTrue();
        assertThat(CallbackSignature.validNonce("xyz")).isFalse();
        assertThat(CallbackSignature.validNonce(nonce.substring(1) + "g")).isFalse();
    }
}
