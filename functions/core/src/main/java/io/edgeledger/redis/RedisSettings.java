package io.edgeledger.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every EdgeLedger process reaches Redis, whatever client it uses: {@code EDGELEDGER_REDIS_URL}
 * ({@code redis://} or {@code rediss://[user:password@]host[:port][/db]}), {@code EDGELEDGER_REDIS_CA_FILE}
 * (PEM CA certificates trusted beside the JVM's own store, for {@code rediss://}), and the credentials: from the
 * URL, or from a supplier (the Secrets Manager secret named by {@value #AUTH_SECRET_ARN_VARIABLE}, read by the
 * caller and plugged in with {@link #withCredentials}). The supplier is asked on every new connection, so a
 * rotated token is picked up by the next one.
 */
public record RedisSettings(String host, int port, boolean tls, int database, Path caFile, Supplier<RedisCredentials> credentials) {
    public static final String URL_VARIABLE = "EDGELEDGER_REDIS_URL";
    public static final String CA_FILE_VARIABLE = "EDGELEDGER_REDIS_CA_FILE";
    /** The ARN of a JSON secret {@code {"username": optional, "password": "..."}}: ElastiCache's AUTH token or RBAC user. */
    public static final String AUTH_SECRET_ARN_VARIABLE = "EDGELEDGER_REDIS_AUTH_SECRET_ARN";
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    /** From the environment (or any lookup): the URL with its default, and the CA file when set. */
    public static RedisSettings from(Function<String, String> lookup) {
        String url = lookup.apply(URL_VARIABLE);
        String ca = lookup.apply(CA_FILE_VARIABLE);
        return parse(url == null || url.isBlank() ? DEFAULT_URL : url.trim(), ca == null || ca.isBlank() ? null : Path.of(ca.trim()));
    }

    public static RedisSettings parse(String url, Path caFile) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new RedisSettingsException(URL_VARIABLE + "='" + redacted(url) + "' is not a URL: use rediss://[user:password@]host:port");
        }
        String scheme = uri.getScheme();
        if (!("redis".equals(scheme) || "rediss".equals(scheme)) || uri.getHost() == null) {
            throw new RedisSettingsException(URL_VARIABLE + "='" + redacted(url)
                    + "': expected rediss://[user:password@]host[:port][/db] (or redis:// without TLS, local use only)");
        }
        RedisCredentials fromUrl = RedisCredentials.NONE;
        if (uri.getRawUserInfo() != null && !uri.getRawUserInfo().isEmpty()) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            fromUrl = parts.length == 2
                    ? new RedisCredentials(parts[0].isEmpty() ? null : decode(parts[0]), decode(parts[1]))
                    : new RedisCredentials(null, decode(parts[0]));
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new RedisSettingsException(URL_VARIABLE + "='" + redacted(url) + "': the path must be a database number (e.g. /0)");
            }
        }
        if (caFile != null && !"rediss".equals(scheme)) {
            throw new RedisSettingsException(CA_FILE_VARIABLE + " is set but " + URL_VARIABLE + " is not rediss://: use rediss:// to connect with TLS");
        }
        RedisCredentials credentials = fromUrl;
        return new RedisSettings(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, "rediss".equals(scheme), database, caFile,
                () -> credentials);
    }

    /** The same endpoint with credentials from elsewhere (e.g. a Secrets Manager secret), asked per connection. */
    public RedisSettings withCredentials(Supplier<RedisCredentials> supplier) {
        return new RedisSettings(host, port, tls, database, caFile, supplier);
    }

    /**
     * After Redis refused the credentials (WRONGPASS, NOAUTH): makes the next {@link #currentCredentials} read them
     * again from their source when they can be (a secret), and says whether that is worth one more attempt.
     */
    public boolean refreshCredentials() {
        if (credentials instanceof RefreshableCredentials refreshable) {
            refreshable.refresh();
            return true;
        }
        return false;
    }

    /** The current credentials (the supplier's answer). */
    public RedisCredentials currentCredentials() {
        RedisCredentials current = credentials.get();
        return current == null ? RedisCredentials.NONE : current;
    }

    /** {@code rediss://host:port/db}: no credentials, safe for logs and error messages. */
    public String endpoint() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + (database == 0 ? "" : "/" + database);
    }

    @Override
    public String toString() {
        return endpoint();
    }

    /** The URL without its password, for logs. */
    public static String redacted(String url) {
        return url == null ? null : url.replaceAll("//([^@/]*)@", "//***@");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
