package io.edgeledger.api.redis;

import io.edgeledger.redis.RedisCredentials;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.redis.RedisTls;
import io.vertx.core.net.TrustOptions;
import io.vertx.redis.client.RedisOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Vert.x Redis client options (the engine of quarkus-redis-client) from the shared {@link RedisSettings}: the
 * endpoint with the current credentials, and for {@code rediss://} TLS with the JVM roots plus
 * EDGELEDGER_REDIS_CA_FILE and the host name checked as for HTTPS. Used by the API's data source and by
 * {@code api create-key}.
 */
public final class RedisClientOptions {
    private RedisClientOptions() {}

    public static RedisOptions apply(RedisSettings settings, RedisOptions options) {
        RedisCredentials credentials = settings.currentCredentials();
        String userInfo = "";
        if (credentials.present()) {
            userInfo = (credentials.user() == null ? "" : encode(credentials.user())) + ":" + encode(credentials.password()) + "@";
        }
        options.setEndpoints(new java.util.ArrayList<>(java.util.List.of((settings.tls() ? "rediss://" : "redis://") + userInfo
                + settings.host() + ":" + settings.port() + "/" + settings.database())));
        if (settings.tls()) {
            options.getNetClientOptions()
                    .setSsl(true)
                    .setTrustAll(false)
                    .setHostnameVerificationAlgorithm("HTTPS")
                    .setTrustOptions(TrustOptions.wrap(RedisTls.trust(settings)));
        }
        return options;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
