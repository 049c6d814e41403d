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
 * endpoint with the current user, the current password, and for {@code rediss://} TLS with the JVM roots plus
 * EDGELEDGER_REDIS_CA_FILE and the host name checked as for HTTPS. Used by the API's data source and by
 * {@code api create-key}.
 */
public final class RedisClientOptions {
    private RedisClientOptions() {}

    public static RedisOptions apply(RedisSettings settings, RedisOptions options) {
        RedisCredentials credentials = settings.currentCredentials();
        // The user goes in the endpoint (Vert.x reads it from ?user=), the password in the options: the client asks its
        // options for the password on every new connection, so RedisCredentialRefresh can hand it a rotated one.
        String user = credentials.present() && credentials.user() != null ? "?user=" + encode(credentials.user()) : "";
        options.setEndpoints(new java.util.ArrayList<>(java.util.List.of((settings.tls() ? "rediss://" : "redis://")
                + settings.host() + ":" + settings.port() + "/" + settings.database() + user)));
        options.setPassword(credentials.present() ? credentials.password() : null);
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
