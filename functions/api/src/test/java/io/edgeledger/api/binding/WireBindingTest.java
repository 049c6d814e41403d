package io.edgeledger.api.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.testing.Property;
import io.edgeledger.wire.ProbeJob;
import io.edgeledger.wire.RawJson;
import io.edgeledger.wire.TraceroutePayload;
import io.edgeledger.wire.TracerouteResultJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The API's reading of the wire records: job params named by path, and the values the wire module carries as text. */
class WireBindingTest {
    private final ObjectMapper json = WireMapper.mapper();

    @Test
    void aBadJobParamIsNamedWithItsPath() {
        assertThatThrownBy(() -> json.readValue("{\"id\":\"j\",\"kind\":\"traceroute\",\"params\":{\"target\":\"h\",\"port\":70000}}",
                ProbeJob.class))
                .isInstanceOfSatisfying(JsonMappingException.class,
                        e -> assertThat(WireMapper.problem(e)).startsWith("params.port must be between 1 and 65535"));
        assertThatThrownBy(() -> json.readValue("{\"params\":[1]}", ProbeJob.class))
                .isInstanceOfSatisfying(JsonMappingException.class,
                        e -> assertThat(WireMapper.problem(e)).isEqualTo("params must be a JSON object"));
    }

    @Test
    void traceroutePayloadCarriesTheJobIdOnlyWhenThereIsOne() throws Exception {
        JsonNode result = json.readTree("""
                {"test_run_id":"x","protocol":"UDP","destination":{"hostname":"198.18.0.9"},"traceroute":{"runs":[]}}""");
        TraceroutePayload scheduled = new TraceroutePayload("b-2", "p-1", null, 1L, List.of("a:b"),
                TracerouteResultJson.written(result.toString()), null);
        assertThat(json.readTree(json.writeValueAsString(scheduled)).has("job_id")).isFalse();
        TraceroutePayload job = new TraceroutePayload("b-3", "p-1", "job-9", 1L, List.of(),
                TracerouteResultJson.written(result.toString()), null);
        JsonNode tree = json.readTree(json.writeValueAsString(job));
        assertThat(tree.get("job_id").asText()).isEqualTo("job-9");
        assertThat(tree.get("result").get("protocol").asText()).isEqualTo("UDP");
        assertThat(json.readValue(json.writeValueAsString(job), TraceroutePayload.class)).isEqualTo(job);
    }

    @Test
    void aResultReadOffTheWireNamesItsTargetAndProtocol() throws Exception {
        TraceroutePayload read = json.readValue("""
                {"batch_id":"b","timestamp":1,"result":{"protocol":"TCP","destination":{"hostname":"h.example","port":443},
                 "traceroute":{"runs":[{"hops":[{"ttl":1,"ip_address":null},{"ttl":2,"ip_address":"198.18.0.2"}]}]}}}""",
                TraceroutePayload.class);
        assertThat(read.target()).isEqualTo("h.example");
        assertThat(read.protocol()).isEqualTo("TCP");
        assertThatThrownBy(() -> TracerouteResultJson.written("{}").hostname()).isInstanceOf(IllegalStateException.class);
    }

    /** What the API keeps of a raw value is what the archive's byte writer made of its tree before the wire module held text. */
    @Test
    void aRawValueIsKeptAsTheCompactTextOfItsTree() {
        Property.forAll(300, random -> {
            String sent = "{\"v\": " + value(random, 3) + "}";
            try {
                RawJson read = json.readValue(sent, RawJson.class);
                assertThat(read.text()).as(sent)
                        .isEqualTo(new String(json.writeValueAsBytes(json.readTree(sent)), StandardCharsets.UTF_8));
                assertThat(json.readValue(json.writeValueAsString(read), RawJson.class)).isEqualTo(read);
            } catch (java.io.IOException e) {
                throw new AssertionError(sent, e);
            }
        });
    }

    /** Random JSON with the spellings a tree normalizes: spaces, escapes, exponents, trailing zeros, big integers. */
    private static String value(RandomGenerator random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 3 -> List.of("1.50", "1e3", "-0.0", "2.5E-7", "123456789012345678901234567890", "0.1").get(random.nextInt(6));
            case 4 -> List.of("\"a\"", "\"\\u0008\\b\\f\\/\"", "\"é\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\"").get(random.nextInt(5));
            case 5 -> "\"" + "x".repeat(random.nextInt(5)) + "\"";
            case 6, 7 -> {
                StringBuilder out = new StringBuilder("{ ");
                for (int i = random.nextInt(4); i > 0; i--) {
                    out.append("\"k").append(random.nextInt(5)).append("\" : ").append(value(random, depth - 1)).append(i > 1 ? " , " : "");
                }
                yield out.append(" }").toString();
            }
            default -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    out.append(value(random, depth - 1)).append(i > 1 ? ",\n" : "");
                }
                yield out.append("]").toString();
            }
        };
    }
}
