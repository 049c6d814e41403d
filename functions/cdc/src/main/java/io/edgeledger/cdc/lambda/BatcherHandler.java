package io.edgeledger.cdc.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.edgeledger.cdc.Deadline;
import io.edgeledger.cdc.ScheduledEvent;
import io.edgeledger.cdc.StepHook;
import io.edgeledger.cdc.batcher.Batcher;
import io.edgeledger.cdc.batcher.BatcherReport;
import io.edgeledger.cdc.config.QuarkusSettings;
import io.edgeledger.cdc.config.Settings;
import io.edgeledger.cdc.wiring.Components;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Lambda {@code cdc-batcher}: on each EventBridge schedule, one {@link Batcher} run within the remaining time, as
 * consumer {@code EDGELEDGER_CDC_CONSUMER-<container id>}.
 */
@Named("cdc-batcher")
public class BatcherHandler implements RequestHandler<ScheduledEvent, BatcherReport> {
    /** Run budget when the runtime reports no deadline (5 minutes, a typical function timeout). */
    private static final long FALLBACK_BUDGET_MS = 300_000;
    private static final Logger LOG = Logger.getLogger(BatcherHandler.class.getName());

    private Batcher batcher;

    @Override
    public BatcherReport handleRequest(ScheduledEvent event, Context context) {
        Clock clock = Clock.systemUTC();
        BatcherReport report = batcher(clock).run(Deadline.lambda(clock, context.getRemainingTimeInMillis(), FALLBACK_BUDGET_MS));
        LOG.info(() -> "cdc-batcher run " + (event == null ? "" : event.id()) + " as " + report.consumer() + ": " + report.entriesRead() + " entries read, "
                + report.batchesSealed() + " batches sealed, " + report.entriesAcked() + " acked, " + report.deadLettered()
                + " dead-lettered, " + report.intentsFinished() + " interrupted batches finished");
        return report;
    }

    private synchronized Batcher batcher(Clock clock) {
        if (batcher == null) {
            // Built once per container and reused by warm invocations; the container reads as a consumer of its own,
            // so the function may run with concurrency above 1.
            Settings settings = QuarkusSettings.current();
            batcher = Components.lambdaBatcher(settings, S3LedgerStore.open(Components.s3(settings)), StepHook.NONE, clock,
                    System.getenv("AWS_LAMBDA_LOG_STREAM_NAME"));
        }
        return batcher;
    }
}
