package io.edgeledger.cdc.streams;

import io.edgeledger.cdc.config.ConfigException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where Redis is: parsed from redis://[user:password@]host[:port][/db] (rediss is not supported). */
public record RedisEndpoint(String host, int port, String user, String password, int database) {

    public static RedisEndpoint parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Redis URL '" + url + "' is not a URL: use redis://host:6379");
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException("Redis URL '" + url + "': expected redis://[user:password@]host[:port][/db]");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            if (parts.length == 2) {
                user = parts[0].isEmpty() ? null : decode(parts[0]);
                password = decode(parts[1]);
            } else {
                password = decode(parts[0]);
            }
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new ConfigException("Redis URL '" + redacted(url) + "': the path must be a database number");
            }
        }
        return new RedisEndpoint(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, user, password, database);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL without its password, for logs. */
    public static String redacted(String url) {
        return url.replaceAll("//([^@/]*)@", "//***@");
    }

    @Override
    public String toString() {
        return "redis://" + host + ":" + port + "/" + database;
    }
}
