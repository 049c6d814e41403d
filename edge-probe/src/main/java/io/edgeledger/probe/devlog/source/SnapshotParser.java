package io.edgeledger.probe.devlog.source;

import java.io.IOException;
import java.nio.file.Path;

/** Parser for a file rewritten in place (whole-file JSON, SQLite): each read emits the complete current event set. */
public non-sealed interface SnapshotParser extends FileParser {
    void read(Path file, Emitter out) throws IOException;
}
