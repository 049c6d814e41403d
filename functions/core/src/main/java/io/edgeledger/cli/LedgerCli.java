package io.edgeledger.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./edgeledger ledger leaf|root|prove|verify|consistency|seal|verify-legacy|import-etrap|tokens-without-batch}. Results go to stdout and nothing
 * else does; wrong arguments or unreadable input give one line on stderr and exit 2; {@code verify}
 * prints valid / invalid and exits 0 / 1.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Merkle leaves, roots, proofs and verification (rfc6962 with leaf-v2; legacy etrap-v1), and sealing samples into S3 batches.",
        subcommands = {LeafCommand.class, RootCommand.class, ProveCommand.class, VerifyCommand.class, ConsistencyCommand.class,
                SealCommand.class, VerifyLegacyCommand.class, ImportEtrapCommand.class, TokensWithoutBatchCommand.class})
public final class LedgerCli implements Runnable {
    static final int OK = 0;
    static final int NEGATIVE = 1;
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: leaf, root, prove, verify, consistency, seal, verify-legacy, import-etrap or tokens-without-batch");
    }

    public static void main(String[] args) {
        // The AWS SDK logs through SLF4J and the CLI ships no binding: keep SLF4J's own "no providers"
        // notice off stderr, which carries one error line at most.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the CLI in-process (tests call this); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LedgerCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("ledger: " + oneLine(e.getMessage()) + " (see ./edgeledger ledger " + commandName(e.getCommandLine()) + " --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                err.println("ledger: " + oneLine(c.getMessage()));
                return c.exitCode();
            }
            err.println("ledger: " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage())));
            return NEGATIVE;
        });
        return cli.execute(args);
    }

    private static String commandName(CommandLine cl) {
        return cl.getCommandName().equals("ledger") ? "" : cl.getCommandName();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
