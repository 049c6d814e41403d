package io.edgeledger.probe.devlog;

import picocli.CommandLine;

/** Runs {@code devlog} alone in a child JVM for the restart test (so it does not depend on the rest of edge-probe). */
public final class DevlogWatchMain {
    private DevlogWatchMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new DevlogCommand()).execute(args));
    }
}
