package io.edgeledger.api.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.wire.IngestKind;
import io.edgeledger.wire.IngestPayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bytes of every payload kind as the probe sends them ({@code wire-bytes/*.json} in the wire test-jar, taken from
 * the code before the wire module held text instead of trees; edge-probe's WireBytesTest makes them) bind here and
 * write back as the API archives and stores them: the same bytes, or for a traceroute result the compact form the API
 * always re-wrote it in ({@code *.read-back.json}).
 */
class WireBytesTest {
    @ParameterizedTest
    @CsvSource({"traceroute, traceroute", "traceroute-error, traceroute", "events, events", "metrics, metrics",
            "check-runs, check-runs", "agent-events, agent-events"})
    void whatTheProbeSendsIsWhatTheApiKeeps(String file, String kind) throws IOException {
        String sent = golden(file + ".json");
        String readBack = goldenOr(file + ".read-back.json", sent);
        IngestPayload read = WireMapper.mapper().readValue(sent, IngestKind.fromWireName(kind).payloadType());
        assertThat(utf8(WireMapper.mapper().writeValueAsBytes(read))).isEqualTo(readBack);
        // the archive writes bytes with Quarkus' mapper: the records need no module of ours to write
        assertThat(utf8(new ObjectMapper().writeValueAsBytes(read))).isEqualTo(readBack);
        assertThat(WireMapper.mapper().readValue(readBack, read.getClass())).isEqualTo(read);
    }

    private static String utf8(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static String golden(String name) throws IOException {
        String found = goldenOr(name, null);
        assertThat(found).as("wire-bytes/" + name + " in the wire test-jar").isNotNull();
        return found;
    }

    private static String goldenOr(String name, String fallback) throws IOException {
        try (InputStream in = WireBytesTest.class.getResourceAsStream("/wire-bytes/" + name)) {
            return in == null ? fallback : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
