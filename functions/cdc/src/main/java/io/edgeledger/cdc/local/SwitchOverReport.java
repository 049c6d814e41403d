package io.edgeledger.cdc.local;

import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.batcher.SwitchOver;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.cdc.streams.GroupTakeover;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/** {@code cdc switch-over | seal-pending | run --from-group G}: the switch-over from the ETRAP agent, printed for the operator. */
final class SwitchOverReport {
    private SwitchOverReport() {}

    static int takeOver(Settings settings, String fromGroup, PrintStream out) {
        try (S3LedgerStore store = S3LedgerStore.open(Components.s3(settings))) {
            SwitchOver switchOver = Components.switchOver(settings, store, StepHook.NONE, Clock.systemUTC());
            print(switchOver.takeOver(fromGroup), fromGroup, out);
            long unfinished = switchOver.unfinished(fromGroup);
            if (unfinished > 0) {
                out.println(unfinished + " batch(es) of an interrupted seal-pending are not finished; run it again to finish them:");
                out.println("  ./edgeledger cdc seal-pending --from-group " + fromGroup);
            }
            return 0;
        }
    }

    static int sealPending(Settings settings, String fromGroup, PrintStream out, PrintStream err) {
        try (S3LedgerStore store = S3LedgerStore.open(Components.s3(settings))) {
            store.ensureBucket();
            SwitchOver.PendingSealed done = Components.switchOver(settings, store, StepHook.NONE, Clock.systemUTC()).sealPending(fromGroup);
            if (done.finished() + done.discarded() > 0) {
                out.println("finished " + done.finished() + " batch(es) an interrupted seal-pending had left" + (done.discarded() == 0 ? ""
                        : "; " + done.discarded() + " not completely stored were dropped and their entries sealed again"));
            }
            out.println("sealed " + done.entries() + " entries " + fromGroup + " had left pending (acked in " + fromGroup + "); the minter mints them");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("cdc: " + e.getMessage());
            return 2;
        }
    }

    /** Before run/batch: the takeover when asked for; false (after a message) when it failed. */
    static boolean takeOverFirst(Settings settings, String fromGroup, PrintStream err) {
        if (fromGroup == null) {
            return true;
        }
        try {
            return takeOver(settings, fromGroup, err) == 0;
        } catch (RuntimeException e) {
            err.println("cdc: switch-over from " + fromGroup + " failed, nothing was read: " + e.getMessage());
            return false;
        }
    }

    private static void print(List<GroupTakeover.Takeover> takeovers, String fromGroup, PrintStream out) {
        long pending = 0;
        for (GroupTakeover.Takeover t : takeovers) {
            String where = !t.fromGroupFound() ? "from 0 (" + fromGroup + " never read it)" : "after " + t.startId() + " (" + fromGroup + "'s last delivered id)";
            out.println(t.stream() + ": " + (t.created() ? "group created " + where : "group exists already, left as it is")
                    + (t.pending() > 0 ? "; " + t.pending() + " entries pending in " + fromGroup + " (" + t.firstPending() + " .. " + t.lastPending() + ")" : ""));
            pending += t.pending();
        }
        if (pending > 0) {
            out.println(pending + " entries were delivered to " + fromGroup + " but never acked; it never re-reads them. Seal them with:");
            out.println("  ./edgeledger cdc seal-pending --from-group " + fromGroup);
        }
    }
}
