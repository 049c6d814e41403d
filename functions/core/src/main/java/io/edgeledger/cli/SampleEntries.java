package io.edgeledger.cli;

import io.edgeledger.debezium.ChangeEvent;
import io.edgeledger.debezium.ChangeEventParser;
import io.edgeledger.debezium.DebeziumException;
import io.edgeledger.debezium.RawRecord;
import io.edgeledger.debezium.RedisEntryFormat;
import io.edgeledger.debezium.SampleFiles;
import io.edgeledger.ledger.batch.BatchEntry;
import io.edgeledger.ledger.leaf.LeafOutcome;
import io.edgeledger.ledger.leaf.LeafV2;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a sample file (Redis entries as JSONL, or Kafka records as *.events.json) into batch entries
 * per stream. Entries without an id get a deterministic one, {@code <event ts_ms>-<file# * 10^6 + n>},
 * so sealing the same files again gives the same batch ids, and two files never collide.
 */
final class SampleEntries {
    private SampleEntries() {}

    static Map<String, List<BatchEntry>> byStream(Path file, int fileNumber, String nullPlaceholder) throws IOException {
        Map<String, List<BatchEntry>> out = new LinkedHashMap<>();
        long[] clock = {0, 0}; // last ms, sequence
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            for (SampleFiles.StreamEntry e : SampleFiles.readRedisJsonl(file)) {
                LeafOutcome outcome = LeafV2.fromRedisEntry(e.fields(), nullPlaceholder);
                String id = e.id() != null ? e.id() : nextId(clock, eventMillis(rawOf(e.fields(), nullPlaceholder)), fileNumber);
                out.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(new BatchEntry(id, outcome));
            }
        } else if (name.endsWith(".json")) {
            for (SampleFiles.EventRecord r : SampleFiles.readEvents(file)) {
                LeafOutcome outcome = LeafV2.fromRecord(r.keyText(), r.valueText());
                String id = nextId(clock, eventMillis(new RawRecord(r.keyText(), r.valueText())), fileNumber);
                out.computeIfAbsent(r.topic(), s -> new ArrayList<>()).add(new BatchEntry(id, outcome));
            }
        } else {
            throw CliException.badInput(file + ": expected Redis entries (*.jsonl) or Kafka records (*.events.json)");
        }
        return out;
    }

    private static RawRecord rawOf(List<Map.Entry<String, String>> fields, String nullPlaceholder) {
        try {
            return RedisEntryFormat.toRecord(fields, nullPlaceholder);
        } catch (DebeziumException e) {
            return new RawRecord(null, null);
        }
    }

    /** The event's time if it parses as a change event; else null (tombstones, poison). */
    private static Long eventMillis(RawRecord raw) {
        try {
            return ChangeEventParser.parse(raw) instanceof ChangeEvent e ? e.timestampMs() : null;
        } catch (DebeziumException e) {
            return null;
        }
    }

    private static String nextId(long[] clock, Long eventMs, int fileNumber) {
        long ms = eventMs != null && eventMs > clock[0] ? eventMs : clock[0];
        clock[1] = ms == clock[0] ? clock[1] + 1 : 0;
        clock[0] = ms;
        return ms + "-" + (fileNumber * 1_000_000L + clock[1]);
    }
}
