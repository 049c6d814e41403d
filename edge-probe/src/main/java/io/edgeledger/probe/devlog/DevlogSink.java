package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import java.io.IOException;
import java.util.List;

/**
 * Where collected events go: the forwarder (the agent's {@code devlog} check), or a JSONL file ({@code devlog
 * watch}). Called from one thread. Events of one id may arrive more than once with new content (a message
 * finalized later): consumers upsert by id, last wins.
 */
public interface DevlogSink {
    /**
     * Takes a batch; returning normally means it is handed over durably (the forwarder: fsynced in its spool), and
     * the collector then saves offsets past it. After a stop between the two the collector hands the very same batch
     * over again under the same {@code batchId} (derived from the files and offsets it covers): a receiver that is
     * idempotent by batch id keeps it once.
     */
    void accept(String batchId, List<DevlogEvent> events) throws IOException;

    /** Makes everything accepted so far durable and returns a position to store with the offsets, or null if the sink cannot roll back. */
    default String checkpoint() throws IOException {
        return null;
    }

    /**
     * After a crash: drops whatever was accepted after {@code checkpoint} (the offsets saved with it will
     * re-read those events), so a restart repeats nothing.
     */
    default void restore(String checkpoint) throws IOException {}
}
