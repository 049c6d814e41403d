package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devlog replay}: every event under a home directory as one JSON array on stdout, ordered by timestamp then id. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Read every supported log under DIR (as if it were the user's home) and print the normalized events as a JSON array.")
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "Directory to treat as the user's home.")
    Path home;

    @Option(names = "--agent", paramLabel = "AGENT", description = "Only this source: claude-code, github-copilot, cursor, codex, gemini-cli (repeatable).")
    List<String> agents;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<DevlogEvent> events;
        try {
            events = new DevlogReplay(w -> {
                err.println(w);
                err.flush();
            }).readAll(CliArgs.home(home), CliArgs.agents(agents));
        } catch (CliArgs.UsageException e) {
            err.println("edge-probe devlog replay: " + e.getMessage());
            return CliArgs.EXIT_USAGE;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        out.write("[");
        for (int i = 0; i < events.size(); i++) {
            out.write(i == 0 ? "\n" : ",\n");
            out.write(EventJson.toLine(events.get(i)));
        }
        out.write(events.isEmpty() ? "]\n" : "\n]\n");
        out.flush();
        return 0;
    }
}
