package io.edgeledger.api.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.OptionalLong;

/**
 * How long this invocation may still run. On Lambda (and in the local HTTP mode, which passes a Context too) the
 * request carries the Lambda {@link Context}; elsewhere there is no limit but our own.
 */
final class LambdaDeadline {
    private LambdaDeadline() {}

    static OptionalLong remainingMillis(HttpServerRequest request) {
        if (request != null && request.headers() instanceof QuarkusHttpHeaders headers) {
            Context context = headers.getContextObject(Context.class);
            if (context != null) {
                return OptionalLong.of(context.getRemainingTimeInMillis());
            }
        }
        return OptionalLong.empty();
    }
}
