package io.edgeledger.probe.devlog;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "devlog", mixinStandardHelpOptions = true, description = "Collect AI coding assistant activity: replay or watch session logs.")
public final class DevlogCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("edge-probe devlog: not implemented yet");
        return 1;
    }
}
