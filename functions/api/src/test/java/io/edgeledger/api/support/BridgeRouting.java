package io.edgeledger.api.support;

import com.sun.net.httpserver.HttpServer;
import io.edgeledger.api.local.LocalHttpMode;
import io.quarkus.test.junit.callback.QuarkusTestBeforeTestExecutionCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Every test's requests go through the local mode's bridge (HTTP → API Gateway v2 event → the Lambda HTTP handler,
 * as in ./edgeledger up) instead of Quarkus' mock Lambda event server, which never finishes a response over 8,190
 * bytes (quarkusio/quarkus#38502, #44551): a listing that grows past that hung the test. Runs right before each test
 * method, after Quarkus has pointed RestAssured at its mock server; one bridge per application start (this class is
 * loaded again with each application's class loader).
 */
public final class BridgeRouting implements QuarkusTestBeforeTestExecutionCallback {
    private static HttpServer bridge;

    @Override
    public void beforeTestExecution(QuarkusTestMethodContext context) {
        if (context.getTestInstance().getClass().isAnnotationPresent(MockEventServer.class)) {
            return; // it posts raw events to the mock server itself
        }
        RestAssured.port = port();
    }

    private static synchronized int port() {
        if (bridge == null) {
            try {
                bridge = LocalHttpMode.bridge("127.0.0.1", 0, 29_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bridge.getAddress().getPort();
    }
}
