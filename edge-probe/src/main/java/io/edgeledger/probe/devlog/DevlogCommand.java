package io.edgeledger.probe.devlog;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edge-probe devlog}: replay or watch the session logs of AI coding assistants. */
@Command(name = "devlog", mixinStandardHelpOptions = true,
        description = "Collect AI coding assistant activity: replay or watch session logs.",
        subcommands = {ReplayCommand.class, WatchCommand.class})
public final class DevlogCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("edge-probe devlog: missing subcommand (replay or watch); see 'edge-probe devlog --help'");
        return 2;
    }
}
