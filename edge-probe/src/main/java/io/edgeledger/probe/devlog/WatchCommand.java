package io.edgeledger.probe.devlog;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devlog watch}: backfill, then tail, appending events to a JSONL file until SIGTERM/Ctrl-C (which flushes and saves offsets). */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Backfill history, then tail the logs under DIR, appending normalized events to FILE.jsonl until stopped.")
final class WatchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", description = "Directory to treat as the user's home.")
    Path home;

    @Option(names = "--out", paramLabel = "FILE.jsonl", description = "Output file, appended to.")
    Path out;

    @Option(names = "--state", paramLabel = "DIR", description = "Where offsets are kept (default: FILE.jsonl.state beside the output).")
    Path state;

    @Option(names = "--agent", paramLabel = "AGENT", description = "Only this source (repeatable).")
    List<String> agents;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "1000", description = "Polling sweep interval, the fallback to file-system events (default ${DEFAULT-VALUE}).")
    long pollMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path homeDir;
        java.util.Set<String> selected;
        try {
            homeDir = CliArgs.home(home);
            selected = CliArgs.agents(agents);
            if (out == null) {
                throw new CliArgs.UsageException("missing required option --out FILE.jsonl");
            }
            if (pollMs < 10) {
                throw new CliArgs.UsageException("--poll-ms " + pollMs + ": must be at least 10");
            }
        } catch (CliArgs.UsageException e) {
            err.println("edge-probe devlog watch: " + e.getMessage());
            return CliArgs.EXIT_USAGE;
        }
        Path stateDir = state != null ? state : out.toAbsolutePath().resolveSibling(out.getFileName() + ".state");
        JsonlFileSink sink = new JsonlFileSink(out);
        DevlogCollector.Options options = DevlogCollector.Options.defaults()
                .withPollInterval(pollMs)
                .withWarnings(w -> {
                    System.err.println(w);
                    System.err.flush();
                });
        DevlogCollector collector = new DevlogCollector(homeDir, stateDir, selected, sink, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                collector.close();
                sink.close();
                System.err.println("devlog: stopped; offsets saved in " + stateDir);
            } catch (Exception e) {
                System.err.println("devlog: stop failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "devlog-shutdown"));
        collector.backfill();
        collector.start();
        System.err.println("devlog: watching " + homeDir + " -> " + out);
        stopped.await();
        return 0;
    }
}
