package io.edgeledger.probe.devlog.gemini;

import io.edgeledger.probe.devlog.source.Discovery;
import io.edgeledger.probe.devlog.source.FileParser;
import io.edgeledger.probe.devlog.source.LogSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Gemini CLI: {@code ~/.gemini/tmp/<project>/chats/session-*.json} (legacy, rewritten whole) or {@code .jsonl}
 * (append-only record log), sub-agents in {@code chats/<parentSessionId>/}. {@code logs.json} is a prompt log: ignored.
 */
public final class GeminiSource implements LogSource {
    public static final String AGENT_ID = "gemini-cli";

    @Override
    public String agentId() {
        return AGENT_ID;
    }

    @Override
    public List<Path> roots(Path home) {
        return List.of(home.resolve(".gemini/tmp"));
    }

    @Override
    public List<Path> discover(Path home) throws IOException {
        return Discovery.walk(home.resolve(".gemini/tmp"), 4, p -> {
            String n = Discovery.name(p);
            if (!(n.endsWith(".json") || n.endsWith(".jsonl"))) {
                return false;
            }
            Path parent = p.getParent();
            return isChats(parent) || (parent != null && isChats(parent.getParent()));
        });
    }

    private static boolean isChats(Path dir) {
        return dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("chats");
    }

    @Override
    public FileParser open(Path file, Path home) {
        Path chatsDir = isChats(file.getParent()) ? file.getParent() : file.getParent().getParent();
        String parentSession = isChats(file.getParent()) ? null : file.getParent().getFileName().toString();
        GeminiSession session = new GeminiSession(parentSession, projectRoot(chatsDir.getParent()));
        return Discovery.name(file).endsWith(".jsonl") ? new GeminiJsonlParser(session) : new GeminiJsonParser(session);
    }

    /** The project path recorded in {@code <tmp>/<projectId>/.project_root}; null for legacy hash directories. */
    private static String projectRoot(Path projectDir) {
        try {
            Path marker = projectDir.resolve(".project_root");
            if (Files.isRegularFile(marker)) {
                String root = Files.readString(marker, StandardCharsets.UTF_8).trim();
                return root.isEmpty() ? null : root;
            }
        } catch (IOException e) {
            // unreadable marker: same as none
        }
        return null;
    }
}
