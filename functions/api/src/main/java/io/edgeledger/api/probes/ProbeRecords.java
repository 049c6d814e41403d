package io.edgeledger.api.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A per-probe view read across probes (check runs, agent events): the records of the asked probe, or of every
 * enrolled one, each tagged with its {@code probe_id}, newest first by {@code timestamp}, at most {@code limit}.
 */
public final class ProbeRecords {
    /** One probe's records since a time (ms), as a per-probe store answers. */
    public interface Source {
        List<JsonNode> since(String probeId, long sinceMillis);
    }

    private ProbeRecords() {}

    public static List<JsonNode> newestFirst(ProbeRegistry probes, String probe, Source source, long sinceMillis, int limit) {
        List<String> probeIds = probe != null && !probe.isBlank() ? List.of(probe)
                : probes.list().stream().map(Probe::probeId).toList();
        List<JsonNode> records = new ArrayList<>();
        for (String id : probeIds) {
            for (JsonNode record : source.since(id, sinceMillis)) {
                ObjectNode withProbe = record.deepCopy();
                withProbe.put("probe_id", id);
                records.add(withProbe);
            }
        }
        records.sort(Comparator.comparingLong((JsonNode r) -> r.path("timestamp").asLong()).reversed());
        return records.size() > limit ? records.subList(0, limit) : records;
    }
}
