package io.edgeledger.probe.devlog.source;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parser for an append-only JSONL file, fed complete lines in order. It keeps whatever state it
 * needs (cumulative counters, last cwd) in memory; after a restart the collector rebuilds that state
 * by feeding it the already-delivered prefix again with emission suppressed.
 */
public non-sealed interface LineParser extends FileParser {
    /** A complete line that parsed as a JSON object; {@code lineNo} is 1-based and counts every physical line. */
    void line(long lineNo, ObjectNode line, Emitter out);

    /** Object fields this parser never reads ({@code "a"} or {@code "a.b"} from the line's root): skipped undecoded, for speed. */
    default java.util.Set<String> skippedFields() {
        return java.util.Set.of();
    }

    /** End of the lines read so far (a batch or end of file): sources that derive events from a replayed state emit here. */
    default void flush(Emitter out) {}
}
