package io.edgeledger.probe.devlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test sink: keeps every delivered event in order, and can upsert them by id as consumers do. */
final class CollectingSink implements DevlogSink {
    final List<DevlogEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(String batchId, List<DevlogEvent> batch) {
        events.addAll(batch);
    }

    synchronized Map<String, JsonNode> upserted() {
        return upsert(events);
    }

    static Map<String, JsonNode> upsert(List<DevlogEvent> events) {
        Map<String, JsonNode> byId = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (DevlogEvent e : events) {
            try {
                byId.put(e.id(), mapper.readTree(EventJson.toLine(e)));
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
        return byId;
    }
}
