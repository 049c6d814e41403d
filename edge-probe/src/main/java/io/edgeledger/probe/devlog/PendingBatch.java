package io.edgeledger.probe.devlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.probe.devlog.tail.OffsetStore;
import io.edgeledger.probe.devlog.tail.OffsetStore.LineState;
import io.edgeledger.probe.devlog.tail.OffsetStore.SnapshotState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The batch on its way to the sink, written ahead (gzipped JSON, fsynced, renamed into place) before the sink gets
 * it: the events exactly as handed over, the file positions they bring their files to, and an id derived from what
 * the batch covers. The offsets file names the last batch it includes; a pending batch under another id was
 * interrupted between the sink and the offsets, and the next start hands that same batch over again, same id, same
 * events (an idempotent receiver keeps it once). Re-reading the files instead cannot repeat it: live tailing cuts
 * batches by timing, and the files have grown since.
 */
record PendingBatch(String batchId, Map<String, LineState> lines, Map<String, SnapshotState> snapshots, List<DevlogEvent> events) {
    static final String FILE_NAME = "devlog-pending.json.gz";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The batch made of what the sink thread drained: events in order (stamped, e.g. with the machine), the last
     * position of each file, and its id.
     * @param from where each file stood before these batches (the committed position), null if never delivered
     */
    static PendingBatch of(List<EventBuffer.Batch> drained, Function<DevlogEvent, DevlogEvent> stamp, Function<String, Object> from) {
        List<DevlogEvent> events = new ArrayList<>();
        Map<String, LineState> lines = new LinkedHashMap<>();
        Map<String, SnapshotState> snapshots = new LinkedHashMap<>();
        Map<String, String> coverage = new LinkedHashMap<>();
        for (EventBuffer.Batch b : drained) {
            b.events().forEach(e -> events.add(stamp.apply(e)));
            EventBuffer.Checkpoint cp = b.position();
            coverage.computeIfAbsent(cp.path(), p -> describe(from.apply(p)));
            if (cp.state() instanceof LineState ls) {
                lines.put(cp.path(), ls);
            } else if (cp.state() instanceof SnapshotState ss) {
                snapshots.put(cp.path(), ss);
            }
        }
        StringBuilder covers = new StringBuilder();
        coverage.forEach((path, before) -> {
            Object after = lines.containsKey(path) ? lines.get(path) : snapshots.get(path);
            covers.append(path).append('|').append(before).append("->").append(describe(after)).append('\n');
        });
        for (DevlogEvent e : events) {
            covers.append(e.id()).append('|').append(e.timestamp()).append('\n');
        }
        return new PendingBatch("devlog-" + sha256(covers.toString()), lines, snapshots, events);
    }

    /** A file position as it enters the id: the file's identity and byte offset, or a whole file's mtime and size. */
    private static String describe(Object state) {
        if (state instanceof LineState ls) {
            return ls.fileKey() + "@" + ls.offset();
        }
        if (state instanceof SnapshotState ss) {
            return "mtime " + ss.mtime() + " size " + ss.size();
        }
        return "start";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(Path file) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("batchId", batchId);
        root.set("lines", MAPPER.valueToTree(lines));
        root.set("snapshots", MAPPER.valueToTree(snapshots));
        ArrayNode array = root.putArray("events");
        events.forEach(e -> array.add(EventJson.toTree(e)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            MAPPER.writeValue(gz, root);
        }
        OffsetStore.writeAtomically(file, bytes.toByteArray());
    }

    /** The batch written ahead in {@code file}, or null when there is none. */
    static PendingBatch read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            JsonNode root = MAPPER.readTree(in);
            Map<String, LineState> lines = new TreeMap<>();
            root.path("lines").properties().forEach(f -> lines.put(f.getKey(), MAPPER.convertValue(f.getValue(), LineState.class)));
            Map<String, SnapshotState> snapshots = new TreeMap<>();
            root.path("snapshots").properties()
                    .forEach(f -> snapshots.put(f.getKey(), MAPPER.convertValue(f.getValue(), SnapshotState.class)));
            List<DevlogEvent> events = new ArrayList<>();
            root.path("events").forEach(e -> events.add(EventJson.fromTree(e)));
            return new PendingBatch(root.path("batchId").asText(), lines, snapshots, events);
        } catch (IOException | RuntimeException e) {
            throw new IOException("devlog pending batch " + file + " is unreadable (" + e.getMessage()
                    + "); move it away to go on without it (its events may then be missing)", e);
        }
    }
}
