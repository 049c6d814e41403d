package io.edgeledger.api.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reads archived payloads back for queries reaching past the Redis window: the grouped objects of the current layout
 * and the one-object-per-batch objects written before it (see {@link ArchiveStore}). A batch may come back more than
 * once (a retry archived it twice); callers keep one copy per batch, point or event, as they always did.
 */
@ApplicationScoped
public class ArchiveReader {
    private static final Logger LOG = Logger.getLogger(ArchiveReader.class);
    private static final int MAX_OBJECTS = 5000;

    /** An archived batch and the probe that sent it. */
    public record Archived(String probeId, JsonNode payload) {}

    private final ArchiveStore store;
    private final ObjectMapper json;

    public ArchiveReader(ArchiveStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The batches of {@code kind} that these probes sent for these days (UTC day of the data). */
    public List<Archived> daily(String kind, Collection<String> probeIds, List<LocalDate> days) {
        Set<String> wanted = Set.copyOf(probeIds);
        List<Archived> found = new ArrayList<>();
        for (LocalDate day : days) {
            for (String key : store.keys(ArchiveStore.groupPrefix(kind, day), MAX_OBJECTS)) {
                for (ArchiveLines.Line line : lines(key)) {
                    if (kind.equals(line.kind()) && wanted.contains(line.probeId()) && line.payload() != null) {
                        found.add(new Archived(line.probeId(), line.payload()));
                    }
                }
            }
            for (String probeId : wanted) {
                for (String key : store.keys(ArchiveStore.dailyPrefix(kind, probeId, day), MAX_OBJECTS)) {
                    JsonNode payload = object(key);
                    if (payload != null) {
                        found.add(new Archived(probeId, payload));
                    }
                }
            }
        }
        return found;
    }

    /** Every archived devlog batch share of one session: {@code {batch_id, probe_id, events}}. */
    public List<JsonNode> session(String sessionId) {
        List<JsonNode> payloads = new ArrayList<>();
        for (String key : store.keys(ArchiveStore.sessionPrefix(sessionId), MAX_OBJECTS)) {
            if (key.endsWith(ArchiveStore.SESSION_DAY_SUFFIX)) {
                LocalDate day = markerDay(key);
                if (day == null) {
                    continue;
                }
                for (String groupKey : store.keys(ArchiveStore.groupPrefix("events", day), MAX_OBJECTS)) {
                    for (ArchiveLines.Line line : lines(groupKey)) {
                        if (sessionId.equals(line.sessionId()) && line.payload() != null) {
                            payloads.add(line.payload());
                        }
                    }
                }
            } else {
                JsonNode payload = object(key);
                if (payload != null) {
                    payloads.add(payload);
                }
            }
        }
        return payloads;
    }

    private List<ArchiveLines.Line> lines(String key) {
        try {
            return ArchiveLines.decode(json, store.get(key));
        } catch (IOException e) {
            // an archive object we wrote ourselves is always NDJSON; say which one is broken instead of failing the query
            LOG.warnf("archive object %s is not valid NDJSON and was skipped: %s", key, e.getMessage());
            return List.of();
        }
    }

    private JsonNode object(String key) {
        try {
            return json.readTree(store.get(key));
        } catch (IOException e) {
            LOG.warnf("archive object %s is not valid JSON and was skipped: %s", key, e.getMessage());
            return null;
        }
    }

    private static LocalDate markerDay(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1, key.length() - ArchiveStore.SESSION_DAY_SUFFIX.length());
        try {
            return LocalDate.parse(name);
        } catch (DateTimeParseException e) {
            LOG.warnf("archive marker %s does not name a day and was skipped", key);
            return null;
        }
    }
}
