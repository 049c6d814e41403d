package io.edgeledger.cdc.config;

import io.edgeledger.redis.RedisSettings;
import io.edgeledger.redis.RedisSettingsException;
import io.edgeledger.secrets.RedisAuthSecret;
import java.time.Duration;
import java.util.function.Function;

/** Typed reads of named settings (environment variables, or Quarkus config in the Lambda) with defaults. */
public final class Settings {
    private final Function<String, String> lookup;

    public Settings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static Settings fromEnvironment() {
        return new Settings(System::getenv);
    }

    public String string(String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * EDGELEDGER_REDIS_URL and EDGELEDGER_REDIS_CA_FILE; credentials from EDGELEDGER_REDIS_AUTH_SECRET_ARN's secret when
     * set, else from the URL.
     */
    public RedisSettings redis() {
        try {
            return RedisAuthSecret.applyTo(RedisSettings.from(name -> string(name, null)), name -> string(name, null));
        } catch (RedisSettingsException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    public int positiveInt(String name, int fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + ": expected a whole number greater than 0");
    }

    public Duration millis(String name, long fallbackMillis) {
        return Duration.ofMillis(nonNegativeLong(name, fallbackMillis));
    }

    public Duration seconds(String name, long fallbackSeconds) {
        String value = string(name, null);
        if (value == null) {
            return Duration.ofSeconds(fallbackSeconds);
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && !Double.isInfinite(parsed)) {
                return Duration.ofNanos((long) (parsed * 1_000_000_000L));
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + ": expected a number of seconds, 0 or more (e.g. 60 or 0.5)");
    }

    private long nonNegativeLong(String name, long fallback) {
        String value = string(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new SettingsException(name + "=" + value + ": expected a whole number, 0 or more");
    }
}
