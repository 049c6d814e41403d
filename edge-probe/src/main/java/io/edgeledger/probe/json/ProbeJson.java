package io.edgeledger.probe.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The probe's one JSON mapper: writes the wire payloads (a traceroute result goes out as its writer made it) and
 * reads the API's answers (jobs, enrollment, status), tolerating fields a newer API adds. It is not the API's strict
 * mapper ({@code api.binding.WireMapper}): that one judges probe input and names the bad field for a 400; what the
 * probe reads was checked by the API already.
 */
public final class ProbeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProbeJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
