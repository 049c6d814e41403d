package io.edgeledger.probe.agent;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the agent: scheduled checks, DogStatsD, devlog, signed forwarding.")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("edge-probe run: not implemented yet");
        return 1;
    }
}
