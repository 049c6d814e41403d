package io.edgeledger.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.redis.RedisCredentials;
import io.edgeledger.redis.RefreshableCredentials;
import io.edgeledger.redis.RedisSettings;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ElastiCache AUTH token or RBAC user from the secret EDGELEDGER_REDIS_AUTH_SECRET_ARN, for the Redis settings'
 * user/password seam: {@code {"username": "...", "password": "..."}} (RBAC; username optional = "default") or the
 * bare token as the secret string. Read once per container; {@link #refresh()} after Redis refuses it (WRONGPASS /
 * NOAUTH: the token was rotated).
 */
public final class RedisAuthSecret implements Supplier<RedisAuthSecret.Credentials> {
    public static final String SETTING = "EDGELEDGER_REDIS_AUTH_SECRET_ARN";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code user} is null for a plain AUTH token. {@code toString} never shows the password. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=<redacted>]";
        }
    }

    private final Secrets secrets;
    private final String arn;

    public RedisAuthSecret(Secrets secrets, String arn) {
        this.secrets = secrets;
        this.arn = arn;
    }

    /**
     * {@code settings} with its credentials from the secret named by {@value #SETTING} when that is set (asked per new
     * connection, as RedisSettings' supplier is); otherwise unchanged, so credentials in the URL still apply. The API,
     * the CDC functions and {@code create-key} all connect through this.
     */
    public static RedisSettings applyTo(RedisSettings settings, Function<String, String> lookup) {
        String arn = lookup.apply(SETTING);
        if (arn == null || arn.isBlank()) {
            return settings;
        }
        RedisAuthSecret secret = new RedisAuthSecret(Secrets.shared(), arn.trim());
        return settings.withCredentials(new RefreshableCredentials() {
            @Override
            public RedisCredentials get() {
                Credentials c = secret.get();
                return new RedisCredentials(c.user(), c.password());
            }

            @Override
            public void refresh() {
                secret.refresh();
            }
        });
    }

    @Override
    public Credentials get() {
        String value = secrets.read(SETTING, arn);
        if (!value.trim().startsWith("{")) {
            return new Credentials(null, value.trim());
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (IOException e) {
            node = null;
        }
        JsonNode password = node == null ? null : node.get("password");
        if (password == null || !password.isTextual() || password.asText().isEmpty()) {
            throw new SecretsException(SETTING + "=" + arn + ": the secret must be the AUTH token itself or JSON "
                    + "{\"username\": \"...\", \"password\": \"...\"} (docs/deploy.md, 'Secrets')");
        }
        JsonNode user = node.get("username");
        return new Credentials(user != null && user.isTextual() && !user.asText().isEmpty() ? user.asText() : null, password.asText());
    }

    /** Forgets the cached value after an auth failure; the next {@link #get()} reads the secret again. */
    public void refresh() {
        secrets.forget(arn);
    }
}
