package io.edgeledger.api.redis;

import io.edgeledger.redis.RedisSettings;
import io.edgeledger.secrets.RedisAuthSecret;
import io.quarkus.redis.client.RedisOptionsCustomizer;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Points quarkus-redis-client at {@code EDGELEDGER_REDIS_URL} with the TLS trust and credentials of the shared
 * {@link RedisSettings} (EDGELEDGER_REDIS_CA_FILE; credentials from the secret
 * EDGELEDGER_REDIS_AUTH_SECRET_ARN when set, else from the URL), so the API connects exactly as the CDC and {@code create-key} do.
 */
@Singleton
public class RedisSettingsCustomizer implements RedisOptionsCustomizer {

    /** The API's Redis settings, read from the Quarkus config (environment variables first). */
    public static RedisSettings settings() {
        var config = ConfigProvider.getConfig();
        java.util.function.Function<String, String> lookup = name -> config.getOptionalValue(name, String.class).orElse(null);
        return RedisAuthSecret.applyTo(RedisSettings.from(lookup), lookup);
    }

    @Override
    public void customize(String clientName, RedisOptions options) {
        RedisClientOptions.apply(settings(), options);
    }
}
