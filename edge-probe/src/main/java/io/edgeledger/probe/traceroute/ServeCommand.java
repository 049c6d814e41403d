package io.edgeledger.probe.traceroute;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve traceroutes over HTTP (GET /traceroute, GET /health).")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("edge-probe serve: not implemented yet");
        return 1;
    }
}
