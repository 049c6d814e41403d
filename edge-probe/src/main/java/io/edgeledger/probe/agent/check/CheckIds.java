package io.edgeledger.probe.agent.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgeledger.probe.agent.config.ConfigNode;
import io.edgeledger.wire.CallbackSignature;
import io.edgeledger.probe.json.ProbeJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Datadog-style check ids: {@code name:<16 hex>}, a hash of the instance and init_config, stable across restarts. */
public final class CheckIds {
    private CheckIds() {}

    public static String of(String name, ConfigNode initConfig, ConfigNode instance) {
        try {
            Map<String, Object> doc = new TreeMap<>();
            doc.put("init_config", sorted(initConfig.plain()));
            doc.put("instance", sorted(instance.plain()));
            byte[] bytes = ProbeJson.mapper().writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
            return name + ":" + CallbackSignature.sha256Hex(bytes).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, sorted(v)));
            return out;
        }
        if (value instanceof java.util.List<?> l) {
            return l.stream().map(CheckIds::sorted).toList();
        }
        return value;
    }
}
