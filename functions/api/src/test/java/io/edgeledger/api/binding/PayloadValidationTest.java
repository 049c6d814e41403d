package io.edgeledger.api.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.wire.CheckRunsPayload;
import io.edgeledger.wire.EventsPayload;
import io.edgeledger.wire.InvalidFieldException;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.MetricsPayload;
import io.edgeledger.wire.TraceroutePayload;
import io.edgeledger.wire.UnixTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each payload record refuses a bad value when it is read, and the message names the field as the sender wrote it. */
class PayloadValidationTest {
    private final ObjectMapper json = WireMapper.mapper();

    private String problem(String body, Class<?> type) {
        try {
            json.readValue(body, type);
        } catch (JsonMappingException e) {
            return WireMapper.problem(e);
        } catch (Exception e) {
            throw new AssertionError("not a binding error: " + e, e);
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void metricsNameTheSeriesAndPoint() {
        assertThat(problem("{\"series\":[]}", MetricsPayload.class)).isEqualTo("batch_id is required");
        assertThat(problem("{\"batch_id\":\"has space\",\"series\":[]}", MetricsPayload.class)).startsWith("batch_id must be");
        assertThat(problem("{\"batch_id\":\"b\",\"series\":[{\"metric\":\"m\",\"type\":\"histo\",\"points\":[]}]}",
                MetricsPayload.class)).startsWith("series[0].type must be one of");
        assertThat(problem("{\"batch_id\":\"b\",\"series\":[{\"metric\":\"m\",\"type\":\"gauge\",\"points\":[[1,2],[1]]}]}",
                MetricsPayload.class)).isEqualTo("series[0].points[1] must be [unix_seconds, number]");
        assertThat(problem("{\"batch_id\":\"b\",\"series\":[{\"metric\":\"m\",\"type\":\"gauge\",\"points\":[[1000000000000000000000000000000,1]]}]}",
                MetricsPayload.class)).startsWith("series[0].points[0] must be [unix_seconds, number] with a timestamp");
        assertThat(problem("{\"batch_id\":\"b\",\"series\":[{\"metric\":\"m\",\"type\":\"gauge\",\"points\":[[1000000000000000000,1]]}]}",
                MetricsPayload.class)).startsWith("series[0].points[0] must be");
        assertThat(problem("[1,2]", MetricsPayload.class)).isEqualTo("the body must be a JSON object");
        assertThat(problem("{\"batch_id\":\"b\",\"series\":{}}", MetricsPayload.class)).isEqualTo("series must be an array");
    }

    @Test
    void checkRunsEventsAndTraceroutesNameTheirFields() {
        assertThat(problem("{\"batch_id\":\"b\",\"runs\":[{\"check\":\"c\",\"status\":\"fine\",\"timestamp\":1}]}",
                CheckRunsPayload.class)).startsWith("runs[0].status must be one of");
        assertThat(problem("{\"batch_id\":\"b\",\"runs\":[{\"check\":\"c\",\"status\":\"ok\"}]}",
                CheckRunsPayload.class)).isEqualTo("runs[0].timestamp is required");
        assertThat(problem("{\"batch_id\":\"b\",\"runs\":[{\"check\":\"c\",\"status\":\"ok\",\"timestamp\":\"soon\"}]}",
                CheckRunsPayload.class)).isEqualTo("runs[0].timestamp must be an integer");
        assertThat(problem("{\"batch_id\":\"b\",\"events\":[{\"id\":\"x\"}]}", EventsPayload.class))
                .startsWith("events[0].id must be 64 lower-case hex");
        assertThat(problem("{\"batch_id\":\"b\",\"timestamp\":1}", TraceroutePayload.class)).startsWith("result is required");
        assertThat(problem("{\"batch_id\":\"b\",\"timestamp\":1,\"result\":{\"destination\":{\"hostname\":\"h\"},"
                + "\"traceroute\":{\"runs\":[{\"hops\":[{\"ttl\":\"one\"}]}]}}}", TraceroutePayload.class))
                .isEqualTo("result.traceroute.runs[0].hops[0].ttl must be an integer");
        assertThat(problem("{\"batch_id\":\"b\",\"timestamp\":100000000000000000000,\"error\":\"x\"}", TraceroutePayload.class))
                .startsWith("timestamp");
    }

    @Test
    void theProbeCannotMakeWhatTheServerWouldRefuse() {
        assertThatThrownBy(() -> new MetricSeries("m", List.of(), List.of(), "h", "distribution", 10))
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("type must be one of");
        assertThatThrownBy(() -> new MetricPoint(UnixTime.MAX + 1, 0)).isInstanceOf(InvalidFieldException.class);
    }
}
