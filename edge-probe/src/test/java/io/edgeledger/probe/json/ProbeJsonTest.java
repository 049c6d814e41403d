package io.edgeledger.probe.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.wire.ProbeJob;
import org.junit.jupiter.api.Test;

class ProbeJsonTest {
    private final ObjectMapper json = ProbeJson.mapper();

    @Test
    void jobsParseFromTheLongPollAnswer() throws Exception {
        ProbeJob[] jobs = json.readValue(
                "[{\"id\":\"j1\",\"kind\":\"traceroute\",\"params\":{\"target\":\"198.18.0.1\",\"max-ttl\":5},\"extra\":1}]",
                ProbeJob[].class);
        assertThat(jobs).hasSize(1);
        assertThat(jobs[0].id()).isEqualTo("j1");
        assertThat(jobs[0].params().maxTtl()).isEqualTo(5);
    }
}
