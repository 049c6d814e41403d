package io.edgeledger.probe.traceroute;

import picocli.CommandLine;

/**
 * Fast entry for {@code edge-probe traceroute}: the launcher starts this class directly so a trace does
 * not pay for building every other subcommand. Same options (the same {@link TracerouteCommand}) and
 * the same exit codes as {@code io.edgeledger.probe.EdgeProbe traceroute}.
 */
public final class TracerouteMain {
    private TracerouteMain() {}

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new TracerouteCommand())
                .setCommandName("edge-probe traceroute")
                .setExitCodeExceptionMapper(e -> 1)
                .setParameterExceptionHandler((ex, a) -> {
                    CommandLine cmd = ex.getCommandLine();
                    cmd.getErr().println("edge-probe: " + ex.getMessage());
                    cmd.getErr().println("Try 'edge-probe traceroute --help' for more information.");
                    return TracerouteCommand.EXIT_USAGE;
                });
        System.exit(cl.execute(args));
    }
}
