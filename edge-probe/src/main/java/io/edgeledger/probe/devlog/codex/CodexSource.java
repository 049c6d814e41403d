package io.edgeledger.probe.devlog.codex;

import io.edgeledger.probe.devlog.source.Discovery;
import io.edgeledger.probe.devlog.source.FileParser;
import io.edgeledger.probe.devlog.source.LogSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Codex CLI: {@code ~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl} and {@code archived_sessions/}; history.jsonl is prompt history only. */
public final class CodexSource implements LogSource {
    public static final String AGENT_ID = "codex";

    @Override
    public String agentId() {
        return AGENT_ID;
    }

    @Override
    public List<Path> roots(Path home) {
        return List.of(home.resolve(".codex/sessions"), home.resolve(".codex/archived_sessions"));
    }

    @Override
    public List<Path> discover(Path home) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : roots(home)) {
            found.addAll(Discovery.walk(root, 5, p -> {
                String n = Discovery.name(p);
                return n.startsWith("rollout-") && n.endsWith(".jsonl");
            }));
        }
        return found;
    }

    @Override
    public FileParser open(Path file, Path home) {
        return new CodexParser();
    }
}
