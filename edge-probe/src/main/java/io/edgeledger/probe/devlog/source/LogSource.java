package io.edgeledger.probe.devlog.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One AI assistant's logs: where they live under a home directory and how to parse each file. */
public interface LogSource {
    /** The normalized {@code agentId}, e.g. {@code claude-code}. */
    String agentId();

    /** The files to read under {@code home}, in a stable order; never {@code *.expected.json}. */
    List<Path> discover(Path home) throws IOException;

    /** Directories whose changes matter (for WatchService registration); they may not exist yet. */
    List<Path> roots(Path home);

    FileParser open(Path file, Path home);
}
