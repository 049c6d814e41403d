package io.edgeledger.probe.devlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixture session logs written as an assistant writes them, for the kill -9 tests: the append-only files of several
 * agents, line by line round-robin across files, each line in two pieces (the collector must wait for the newline).
 */
final class StreamedLogs {
    /** The append-only fixture files that are streamed, relative to the fixtures directory. */
    static final String[] STREAMED = {
        "home/.claude/projects/-home-alice-src-shop/85544010-6f7b-41b9-ba81-e9ffa5a680a4.jsonl",
        "home/.claude/projects/-home-alice-src-shop/agent-e3a91c4f.jsonl",
        "home/.claude/projects/-home-alice-src-shop/ff6fad89-1577-4e4c-8a31-ed4f639e5825.jsonl",
        "home/.codex/sessions/2025/10/28/rollout-2025-10-28T14-05-11-019a2b23-17ba-70f0-b9d2-0064a1b6c345.jsonl",
        "home/.gemini/tmp/shop/chats/session-2026-06-10T13-02-8b047bb2.jsonl",
        "home/.config/Code/User/workspaceStorage/bd91c5b6230e5716dbb3613669142968/chatSessions/de0666d0-f91f-4cc5-8877-1f82bbcaca8d.jsonl",
    };
    /** Metadata the streamed files need (project paths), copied before streaming starts. */
    static final String[] SUPPORT = {
        "home/.gemini/tmp/shop/.project_root",
        "home/.config/Code/User/workspaceStorage/bd91c5b6230e5716dbb3613669142968/workspace.json",
    };

    /** One piece of one line, appended to one file. */
    record Piece(Path file, byte[] bytes) {}

    private StreamedLogs() {}

    /** The lines of every streamed file (written under {@code tmp}), round-robin across files, each split in two pieces. */
    static List<Piece> interleave(Path fixtures, Path tmp) throws IOException {
        List<List<Piece>> perFile = new ArrayList<>();
        for (String s : STREAMED) {
            byte[] bytes = Files.readAllBytes(fixtures.resolve(s));
            Path target = tmp.resolve(s);
            List<Piece> pieces = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    int cut = start + (i + 1 - start) / 3;
                    pieces.add(new Piece(target, Arrays.copyOfRange(bytes, start, cut)));
                    pieces.add(new Piece(target, Arrays.copyOfRange(bytes, cut, i + 1)));
                    start = i + 1;
                }
            }
            perFile.add(pieces);
        }
        List<Piece> all = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<Piece> p : perFile) {
                for (int k = 0; k < 2 && round * 2 + k < p.size(); k++) {
                    all.add(p.get(round * 2 + k));
                    any = true;
                }
            }
            if (!any) {
                return all;
            }
        }
    }

    /** Appends pieces {@code from} to {@code to} (exclusive), a few milliseconds apart; returns {@code to}. */
    static int writeUntil(List<Piece> pieces, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Piece p = pieces.get(i);
            Files.createDirectories(p.file().getParent());
            Files.write(p.file(), p.bytes(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Thread.sleep(3);
        }
        return to;
    }
}
