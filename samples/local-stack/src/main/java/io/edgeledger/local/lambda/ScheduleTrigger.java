package io.edgeledger.local.lambda;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An EventBridge rate(...) rule with a Lambda target: a Scheduled Event every {@code periodSeconds}, one at a time
 * (the functions have reserved concurrency 1). The outcome of each run goes to stderr, as CloudWatch would show it.
 */
public final class ScheduleTrigger implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "schedule");
        t.setDaemon(true);
        return t;
    });

    public ScheduleTrigger(LocalFunction function, String ruleName, long periodSeconds) {
        timer.scheduleWithFixedDelay(() -> run(function, ruleName), 0, periodSeconds, TimeUnit.SECONDS);
    }

    private static void run(LocalFunction function, String ruleName) {
        String name = function.definition().name();
        try {
            InvocationResult result = function.invoke(ScheduledEvents.event(ruleName, Instant.now()));
            System.err.println(Instant.now() + " " + name + " " + (result.ok() ? "ok " : result.errorType() + " ")
                    + abbreviate(result.payloadText()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println(Instant.now() + " " + name + " failed to start: " + e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
