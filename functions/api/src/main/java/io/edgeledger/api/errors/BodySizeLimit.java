package io.edgeledger.api.errors;

import io.edgeledger.api.config.ApiConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One body limit for every endpoint ({@code edgeledger.api.max-body-bytes}, 1 MiB), checked on the declared length
 * before any byte is read, and answered as {@code {"code","message"}} like every other error. It runs ahead of Quarkus'
 * own outer limit ({@code quarkus.http.limits.max-body-size}), which would answer an empty 413. The ingest resource
 * checks the length again after reading, for bodies sent without a Content-Length.
 */
@ApplicationScoped
public class BodySizeLimit {
    private final long maxBodyBytes;

    public BodySizeLimit(ApiConfig config) {
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(BodySizeLimit::framed);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                reject(ctx, 400, "bad_content_length", "Content-Length must be a number of bytes, got '" + declared + "'");
                return;
            }
            if (length > maxBodyBytes) {
                reject(ctx, 413, "body_too_large", "the body is " + length + " bytes; the limit is " + maxBodyBytes
                        + " (send smaller batches or gzip them)");
                return;
            }
        }
        ctx.next();
    }

    /** A failure the HTTP layer raised itself (e.g. its outer size limit on a body without a length): same shape. */
    private static void framed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten() || ctx.statusCode() < 400 || ctx.statusCode() >= 500) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        reject(ctx, status, status == 413 ? "body_too_large" : "http_" + status,
                status == 413 ? "the body is larger than the server accepts" : "the request was refused by the HTTP layer");
    }

    private static void reject(RoutingContext ctx, int status, String code, String message) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close") // the unread body is not worth draining
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }
}
