package io.edgeledger.api.local;

import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Measures a Lambda-style cold start: construct the handler (what the Lambda Java runtime does on init), answer one
 * API Gateway v2 event ({@code GET /health}), and print the wall-clock time of the answer in epoch milliseconds next to
 * the in-process timings. bench/api/coldstart.sh subtracts the launch time taken before the JVM was exec'd.
 */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        QuarkusStreamHandler handler = new QuarkusStreamHandler();
        long t1 = System.nanoTime();
        byte[] event = ApiGatewayEvents.request("GET", "/health", "", Map.of("Accept", List.of("application/json")), null, "127.0.0.1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new LocalLambdaContext(10_000));
        long t2 = System.nanoTime();
        long answeredAt = System.currentTimeMillis();
        ApiGatewayEvents.Response response = ApiGatewayEvents.response(out.toByteArray());
        System.out.printf("status=%d handler_init_ms=%.1f first_event_ms=%.1f answered_epoch_ms=%d jvm_start_epoch_ms=%d%n",
                response.status(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, answeredAt,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        System.exit(response.status() == 200 ? 0 : 1);
    }
}
