package io.edgeledger.api.archive;

import java.time.LocalDate;

/**
 * One ingested batch (for devlog events: one session's share of a batch) as it goes into a grouped archive object.
 * {@code day} is the UTC day of the data, which picks the object's prefix; {@code sessionId} is set for events only.
 * {@code payload} is the checked wire record (or a JSON tree), written as JSON.
 */
public record ArchiveRecord(String kind, String probeId, String batchId, String sessionId, LocalDate day, Object payload) {
    public String prefix() {
        return ArchiveStore.groupPrefix(kind, day);
    }
}
