package io.edgeledger.probe.devlog.cursor;

import io.edgeledger.probe.devlog.source.Discovery;
import io.edgeledger.probe.devlog.source.FileParser;
import io.edgeledger.probe.devlog.source.LogSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cursor: composers and bubbles in {@code ~/.config/Cursor/User/globalStorage/state.vscdb} (SQLite, read
 * only), and agent transcripts {@code ~/.cursor/projects/<slug>/agent-transcripts/<id>/<id>.jsonl}
 * (+ {@code subagents/}). Per-workspace {@code state.vscdb} files hold metadata only and are not read.
 */
public final class CursorSource implements LogSource {
    public static final String AGENT_ID = "cursor";

    @Override
    public String agentId() {
        return AGENT_ID;
    }

    @Override
    public List<Path> roots(Path home) {
        return List.of(home.resolve(".config/Cursor/User/globalStorage"), home.resolve(".cursor/projects"));
    }

    @Override
    public List<Path> discover(Path home) throws IOException {
        List<Path> found = new ArrayList<>();
        Path db = home.resolve(".config/Cursor/User/globalStorage/state.vscdb");
        if (Files.isRegularFile(db)) {
            found.add(db);
        }
        found.addAll(Discovery.walk(home.resolve(".cursor/projects"), 5, p -> Discovery.name(p).endsWith(".jsonl") && underTranscripts(p)));
        return found;
    }

    private static boolean underTranscripts(Path p) {
        for (Path dir = p.getParent(); dir != null && dir.getFileName() != null; dir = dir.getParent()) {
            if (dir.getFileName().toString().equals("agent-transcripts")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FileParser open(Path file, Path home) {
        if (Discovery.name(file).equals("state.vscdb")) {
            return new CursorStateDb();
        }
        String stem = Discovery.name(file).substring(0, Discovery.name(file).length() - ".jsonl".length());
        Path parent = file.getParent();
        boolean subagent = parent != null && parent.getFileName().toString().equals("subagents");
        String sessionId = subagent && parent.getParent() != null ? parent.getParent().getFileName().toString() : stem;
        return new CursorTranscriptParser(sessionId, subagent, file);
    }
}
