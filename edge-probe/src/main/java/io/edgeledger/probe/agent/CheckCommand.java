package io.edgeledger.probe.agent;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Run one check once and print what it would send.")
public final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("edge-probe check: not implemented yet");
        return 1;
    }
}
