package io.edgeledger.probe.devlog.claude;

import io.edgeledger.probe.devlog.source.Discovery;
import io.edgeledger.probe.devlog.source.FileParser;
import io.edgeledger.probe.devlog.source.LogSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Claude Code: {@code ~/.claude/projects/<cwd slug>/<sessionId>.jsonl}, sub-agents in {@code agent-*.jsonl} or {@code <session>/subagents/}. */
public final class ClaudeSource implements LogSource {
    public static final String AGENT_ID = "claude-code";

    @Override
    public String agentId() {
        return AGENT_ID;
    }

    @Override
    public List<Path> roots(Path home) {
        return List.of(home.resolve(".claude/projects"));
    }

    @Override
    public List<Path> discover(Path home) throws IOException {
        return Discovery.walk(home.resolve(".claude/projects"), 4, p -> Discovery.name(p).endsWith(".jsonl"));
    }

    @Override
    public FileParser open(Path file, Path home) {
        return new ClaudeParser(isSidechainFile(file));
    }

    static boolean isSidechainFile(Path file) {
        String name = Discovery.name(file);
        Path parent = file.getParent();
        return name.startsWith("agent-") || (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("subagents"));
    }
}
