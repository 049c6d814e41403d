package io.edgeledger.api.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Reads archived payloads back for queries reaching past the Redis window. */
@ApplicationScoped
public class ArchiveReader {
    private static final Logger LOG = Logger.getLogger(ArchiveReader.class);
    private static final int MAX_OBJECTS = 5000;

    private final ArchiveStore store;
    private final ObjectMapper json;

    public ArchiveReader(ArchiveStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public List<JsonNode> daily(String kind, String probeId, List<LocalDate> days) {
        List<JsonNode> payloads = new ArrayList<>();
        for (LocalDate day : days) {
            for (String key : store.keys(ArchiveStore.dailyPrefix(kind, probeId, day), MAX_OBJECTS)) {
                read(key, payloads);
            }
        }
        return payloads;
    }

    public List<JsonNode> session(String sessionId) {
        List<JsonNode> payloads = new ArrayList<>();
        for (String key : store.keys(ArchiveStore.sessionPrefix(sessionId), MAX_OBJECTS)) {
            read(key, payloads);
        }
        return payloads;
    }

    private void read(String key, List<JsonNode> into) {
        try {
            into.add(json.readTree(store.get(key)));
        } catch (IOException e) {
            // an archive object we wrote ourselves is always JSON; say which one is broken instead of failing the query
            LOG.warnf("archive object %s is not valid JSON and was skipped: %s", key, e.getMessage());
        }
    }
}
