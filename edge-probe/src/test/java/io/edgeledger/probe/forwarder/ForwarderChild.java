package io.edgeledger.probe.forwarder;

import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import io.edgeledger.wire.MetricsPayload;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A probe process for the kill -9 test: spools N batches, says so, then sends until killed. */
public final class ForwarderChild {
    public static void main(String[] args) throws Exception {
        URI backend = URI.create(args[0]);
        Path ca = Path.of(args[1]);
        Path spoolDir = Path.of(args[2]);
        int n = Integer.parseInt(args[3]);
        ForwarderConfig config = new ForwarderConfig(backend, "probe-1", "s3cret", ca, spoolDir, 1 << 24,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)));
        Forwarder f = new Forwarder(config, Clock.systemUTC());
        for (int i = 0; i < n; i++) {
            f.submit(new MetricsPayload("batch-" + i, "probe-1", List.of(new MetricSeries("m", List.of(
                    new MetricPoint(1, i)), List.of(), "h", "gauge", 15))));
        }
        System.out.println("SUBMITTED");
        System.out.flush();
        f.start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
