package io.edgeledger.cdc.local;

import io.edgeledger.cdc.Deadline;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.batcher.BatcherReport;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.cdc.config.SettingsException;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.cdc.minter.Minter;
import io.edgeledger.cdc.minter.MinterReport;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./edgeledger cdc}: the two Lambda functions' code run locally on a timer, against the Redis,
 * S3 endpoint and NEAR RPC the environment names (docs/cdc.md lists every setting and its default).
 */
public final class CdcMain {
    private static final String USAGE = """
            Usage: ./edgeledger cdc COMMAND
              run [--once]     batcher and minter on a timer (every EDGELEDGER_CDC_INTERVAL_SECONDS, default 5);
                               --once: one run of each, then exit (0 ok, 1 a run failed)
              batch [--once]   the batcher alone, back to back (what the throughput benchmark times)
              mint [--once]    the minter alone, on the timer
              status [--json]  the batches in S3 and their mint state (--json: manifests as a JSON array)
              switch-over --from-group G
                               create the batcher's consumer groups at group G's last delivered id (G: the
                               original ETRAP agent's group, etrap-agent) and report what G left pending
              seal-pending --from-group G
                               seal the entries G left pending (it never re-reads them) and ack them in G;
                               an interrupted run is finished by the next one before it takes new entries
              run|batch --from-group G
                               switch-over first (groups that exist already are left alone), then run
              help             this text
            Settings are environment variables with defaults; see docs/cdc.md.""";

    private CdcMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)} with these settings instead of the environment's (tests). */
    static int run(String[] args, PrintStream out, PrintStream err, Settings given) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> flags = new java.util.ArrayList<>(List.of(args).subList(Math.min(1, args.length), args.length));
        String fromGroup = null;
        int at = flags.indexOf("--from-group");
        if (at >= 0) {
            if (at + 1 >= flags.size() || flags.get(at + 1).isBlank() || flags.get(at + 1).startsWith("--")) {
                err.println("cdc: --from-group needs the other consumer group's name, e.g. --from-group etrap-agent");
                return 2;
            }
            fromGroup = flags.remove(at + 1);
            flags.remove(at);
        }
        for (String flag : flags) {
            if (!flag.equals("--once") && !flag.equals("--json")) {
                err.println("cdc: unknown option '" + flag + "' (try ./edgeledger cdc help)");
                return 2;
            }
        }
        if ((command.equals("switch-over") || command.equals("seal-pending")) && fromGroup == null) {
            err.println("cdc: " + command + " needs --from-group G (the original ETRAP agent's group: etrap-agent)");
            return 2;
        }
        boolean once = flags.contains("--once");
        try {
            Settings settings = given != null ? given : Settings.fromEnvironment();
            return switch (command) {
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                case "switch-over" -> SwitchOverReport.takeOver(settings, fromGroup, out);
                case "seal-pending" -> SwitchOverReport.sealPending(settings, fromGroup, out, err);
                case "run" -> SwitchOverReport.takeOverFirst(settings, fromGroup, err) ? loop(settings, true, true, once, err) : 1;
                case "batch" -> SwitchOverReport.takeOverFirst(settings, fromGroup, err) ? loop(settings, true, false, once, err) : 1;
                case "mint" -> loop(settings, false, true, once, err);
                case "status" -> Status.print(settings, flags.contains("--json"), out);
                default -> {
                    err.println("cdc: unknown command '" + command + "' (try ./edgeledger cdc help)");
                    yield 2;
                }
            };
        } catch (SettingsException e) {
            err.println("cdc: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("cdc: " + e.getMessage());
            return 1;
        }
    }

    private static int loop(Settings settings, boolean batch, boolean mint, boolean once, PrintStream err) {
        Clock clock = Clock.systemUTC();
        long intervalMillis = settings.seconds("EDGELEDGER_CDC_INTERVAL_SECONDS", 5).toMillis();
        long budgetMillis = settings.seconds("EDGELEDGER_CDC_RUN_SECONDS", 60).toMillis()
                + settings.millis("EDGELEDGER_CDC_RUN_MARGIN_MS", 10_000).toMillis();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            main.interrupt();
        }));
        try (S3LedgerStore store = S3LedgerStore.open(Components.s3(settings))) {
            store.ensureBucket();
            Batcher batcher = batch ? Components.batcher(settings, store, StepHook.NONE, clock) : null;
            Minter minter = mint ? Components.minter(settings, store, StepHook.NONE, clock) : null;
            boolean failed = false;
            while (!stopping.get()) {
                boolean busy = false;
                if (batcher != null) {
                    try {
                        BatcherReport r = batcher.run(Deadline.after(clock, budgetMillis));
                        busy = r.entriesRead() > 0;
                        if (busy || r.intentsFinished() > 0) {
                            err.printf("batcher: %d entries read, %d batches sealed (%d leaves), %d acked, %d dead-lettered, %d finished after a crash;"
                                    + " seal latency p50 %d ms p99 %d ms%n", r.entriesRead(), r.batchesSealed(), r.leaves(), r.entriesAcked(),
                                    r.deadLettered(), r.intentsFinished(), r.sealMillisP50(), r.sealMillisP99());
                        }
                    } catch (RuntimeException e) {
                        failed = true;
                        err.println("batcher: run failed, entries stay pending for the next run: " + e.getMessage());
                    }
                }
                if (minter != null) {
                    try {
                        MinterReport r = minter.run(Deadline.after(clock, budgetMillis));
                        if (r.minted() + r.alreadyMinted() + r.failed() > 0) {
                            err.printf("minter: %d minted, %d already minted, %d failed (retried later), %d queued%n",
                                    r.minted(), r.alreadyMinted(), r.failed(), r.queued());
                            r.errors().forEach(message -> err.println("minter: " + message));
                        }
                        failed |= r.failed() > 0;
                    } catch (RuntimeException e) {
                        failed = true;
                        err.println("minter: run failed, batches stay queued: " + e.getMessage());
                    }
                }
                if (once) {
                    return failed ? 1 : 0;
                }
                // The batcher alone runs back to back while there is work (its read blocks when idle).
                if (!(batch && !mint && busy)) {
                    sleep(batch && !mint ? 0 : intervalMillis);
                }
            }
            return 0;
        } catch (InterruptedException e) {
            return 0;
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
