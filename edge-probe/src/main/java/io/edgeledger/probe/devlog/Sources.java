package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.claude.ClaudeSource;
import io.edgeledger.probe.devlog.codex.CodexSource;
import io.edgeledger.probe.devlog.copilot.CopilotSource;
import io.edgeledger.probe.devlog.cursor.CursorSource;
import io.edgeledger.probe.devlog.gemini.GeminiSource;
import io.edgeledger.probe.devlog.source.LogSource;
import java.util.List;
import java.util.Set;

/** The supported assistants, by agentId. */
public final class Sources {
    private Sources() {}

    public static List<LogSource> all() {
        return List.of(new ClaudeSource(), new CodexSource(), new GeminiSource(), new CopilotSource(), new CursorSource());
    }

    public static List<String> agentIds() {
        return all().stream().map(LogSource::agentId).toList();
    }

    /** The sources for the given agent ids; all of them when {@code agents} is null or empty. */
    public static List<LogSource> select(Set<String> agents) {
        return all().stream().filter(s -> agents == null || agents.isEmpty() || agents.contains(s.agentId())).toList();
    }
}
