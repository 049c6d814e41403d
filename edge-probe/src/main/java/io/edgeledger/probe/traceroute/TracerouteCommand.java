package io.edgeledger.probe.traceroute;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "traceroute", mixinStandardHelpOptions = true, description = "Trace the network path to a host (datadog-traceroute compatible).")
public final class TracerouteCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("edge-probe traceroute: not implemented yet");
        return 1;
    }
}
