package io.edgeledger.probe.agent;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show checks, last runs, errors, forwarder queue and spool, DogStatsD counters.")
public final class StatusCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("edge-probe status: not implemented yet");
        return 1;
    }
}
