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
        // native bindings load on another core while the arguments are parsed and the target resolved
        Thread preload = new Thread(() -> {
            io.edgeledger.probe.traceroute.net.RawSocket.preload();
            io.edgeledger.probe.traceroute.net.Capture.preload();
        }, "preload-native");
        preload.setDaemon(true);
        preload.start();
        TracerouteCommand fast = FastArgs.parse(args);
        if (fast != null) {
            java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
            java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
            int code = fast.execute(out, err);
            out.flush();
            err.flush();
            System.exit(code);
        }
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
