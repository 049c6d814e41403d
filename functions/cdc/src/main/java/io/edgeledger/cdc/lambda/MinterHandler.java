package io.edgeledger.cdc.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.edgeledger.cdc.Deadline;
import io.edgeledger.cdc.ScheduledEvent;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.minter.Minter;
import io.edgeledger.cdc.minter.MinterReport;
import io.edgeledger.cdc.config.QuarkusSettings;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.logging.Logger;

/** Lambda {@code near-minter}: on each EventBridge schedule, one {@link Minter} run within the remaining time. */
@Named("near-minter")
public class MinterHandler implements RequestHandler<ScheduledEvent, MinterReport> {
    /** Run budget when the runtime reports no deadline (5 minutes, a typical function timeout). */
    private static final long FALLBACK_BUDGET_MS = 300_000;
    private static final Logger LOG = Logger.getLogger(MinterHandler.class.getName());

    private Minter minter;

    @Override
    public MinterReport handleRequest(ScheduledEvent event, Context context) {
        Clock clock = Clock.systemUTC();
        MinterReport report = minter(clock).run(Deadline.lambda(clock, context.getRemainingTimeInMillis(), FALLBACK_BUDGET_MS));
        LOG.info(() -> "near-minter run " + (event == null ? "" : event.id()) + ": " + report.minted() + " minted, "
                + report.alreadyMinted() + " already minted, " + report.failed() + " failed (retried later), "
                + report.queued() + " still queued");
        return report;
    }

    private synchronized Minter minter(Clock clock) {
        if (minter == null) {
            Settings settings = QuarkusSettings.current();
            minter = Components.minter(settings, S3LedgerStore.open(Components.s3(settings)), StepHook.NONE, clock);
        }
        return minter;
    }
}
