package io.edgeledger.probe.devlog.copilot;

import io.edgeledger.probe.devlog.source.Discovery;
import io.edgeledger.probe.devlog.source.FileParser;
import io.edgeledger.probe.devlog.source.LogSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Copilot Chat in VS Code: {@code ~/.config/Code/User/workspaceStorage/<wsId>/chatSessions/<id>.json}
 * (VS Code < 1.109, one object) or {@code .jsonl} (mutation log), and {@code globalStorage/emptyWindowChatSessions/}.
 */
public final class CopilotSource implements LogSource {
    public static final String AGENT_ID = "github-copilot";

    @Override
    public String agentId() {
        return AGENT_ID;
    }

    @Override
    public List<Path> roots(Path home) {
        Path user = home.resolve(".config/Code/User");
        return List.of(user.resolve("workspaceStorage"), user.resolve("globalStorage/emptyWindowChatSessions"));
    }

    @Override
    public List<Path> discover(Path home) throws IOException {
        List<Path> found = new ArrayList<>();
        List<Path> roots = roots(home);
        found.addAll(Discovery.walk(roots.get(0), 3, p -> isSessionFile(p)
                && p.getParent().getFileName().toString().equals("chatSessions")));
        found.addAll(Discovery.walk(roots.get(1), 1, CopilotSource::isSessionFile));
        return found;
    }

    private static boolean isSessionFile(Path p) {
        String n = Discovery.name(p);
        return n.endsWith(".json") || n.endsWith(".jsonl");
    }

    @Override
    public FileParser open(Path file, Path home) {
        String name = Discovery.name(file);
        String stem = name.substring(0, name.lastIndexOf('.'));
        CopilotSession session = new CopilotSession(stem, projectPath(file));
        return name.endsWith(".jsonl") ? new CopilotLogParser(session) : new CopilotJsonParser(session);
    }

    /** The workspace folder from {@code <wsId>/workspace.json}; null for empty windows or multi-root workspaces. */
    static String projectPath(Path sessionFile) {
        Path chatSessions = sessionFile.getParent();
        if (chatSessions == null || !chatSessions.getFileName().toString().equals("chatSessions")) {
            return null;
        }
        Path workspaceJson = chatSessions.getParent().resolve("workspace.json");
        try {
            if (!Files.isRegularFile(workspaceJson)) {
                return null;
            }
            String folder = io.edgeledger.probe.devlog.event.Json.text(
                    io.edgeledger.probe.devlog.event.EventJson.MAPPER.readTree(workspaceJson.toFile()), "folder");
            if (folder == null) {
                return null;
            }
            if (folder.startsWith("file://")) {
                return URI.create(folder).getPath(); // percent-decoded
            }
            return folder;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
