package io.edgeledger.local.lambda.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * A function for the emulator's tests, run from a zip under the real runtime interface client. The event is one
 * word: "context" answers what the runtime gave it, "fail" throws, "sleep" outlives any timeout, "exit" kills the JVM.
 */
public class ProbeHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String action = new String(input.readAllBytes(), StandardCharsets.UTF_8).replace("\"", "").trim();
        switch (action) {
            case "fail" -> throw new IllegalStateException("boom from the handler");
            case "sleep" -> {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "exit" -> System.exit(3);
            default -> {
                StringBuilder env = new StringBuilder();
                new TreeMap<>(System.getenv()).forEach((k, v) -> env.append(',').append('"').append(k).append("\":\"")
                        .append(v.replace("\\", "\\\\").replace("\"", "'")).append('"'));
                String json = "{\"requestId\":\"" + context.getAwsRequestId() + "\",\"remainingMs\":"
                        + context.getRemainingTimeInMillis() + ",\"functionArn\":\"" + context.getInvokedFunctionArn()
                        + "\",\"memoryMb\":" + context.getMemoryLimitInMB() + ",\"cwd\":\"" + System.getProperty("user.dir")
                        + "\",\"env\":{" + (env.length() > 0 ? env.substring(1) : "") + "}}";
                output.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
