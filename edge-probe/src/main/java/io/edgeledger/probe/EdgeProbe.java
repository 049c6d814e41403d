package io.edgeledger.probe;

import io.edgeledger.probe.agent.CheckCommand;
import io.edgeledger.probe.agent.RunCommand;
import io.edgeledger.probe.agent.StatusCommand;
import io.edgeledger.probe.devlog.DevlogCommand;
import io.edgeledger.probe.build.Version;
import io.edgeledger.probe.enroll.EnrollCommand;
import io.edgeledger.probe.traceroute.TracerouteCommand;
import io.edgeledger.probe.traceroute.server.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The edge-probe command line: one subcommand per capability, each owned by its package. */
@Command(
        name = "edge-probe",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "EdgeLedger edge probe: network path tracing, agent checks, AI-assistant activity, signed reporting.",
        subcommands = {
            TracerouteCommand.class,
            ServeCommand.class,
            RunCommand.class,
            StatusCommand.class,
            CheckCommand.class,
            DevlogCommand.class,
            EnrollCommand.class,
            CommandLine.HelpCommand.class
        })
public final class EdgeProbe implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // answered before picocli models all seven subcommands: half of the JVM's work for this line
            System.out.println(new Version().getVersion()[0]);
            System.exit(0);
        }
        System.exit(commandLine().execute(args));
    }

    /** Exit code 2 for bad usage, as the CLI contract says; everything else is up to each command. */
    public static CommandLine commandLine() {
        return new CommandLine(new EdgeProbe())
                .setExitCodeExceptionMapper(e -> 1)
                .setParameterExceptionHandler((ex, args) -> {
                    CommandLine cmd = ex.getCommandLine();
                    // one line, as every error of this CLI: what is wrong, then where help is
                    cmd.getErr().println("edge-probe: " + ex.getMessage() + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
                    return 2;
                });
    }
}
