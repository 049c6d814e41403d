package io.edgeledger.redis;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what a Redis client throws while connecting into one line that names the setting to change and how:
 * the same wording whichever client (Jedis in the CDC, Vert.x Redis in the API) saw the failure.
 */
public final class RedisFailures {
    private RedisFailures() {}

    /** True when {@code failure} means Redis cannot be reached or refused us (as opposed to a command's own error). */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof SSLException || t instanceof java.io.IOException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("JedisConnectionException") || name.endsWith("ConnectTimeoutException")
                    || name.endsWith("ClosedChannelException") || name.endsWith("StacklessClosedChannelException")) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection refused") || message.contains("connection closed") || message.contains("connection_closed") || message.contains("connection reset")
                    || message.contains("connection is closed") || message.contains("cannot connect") || message.contains("failed to connect")
                    || message.contains("broken pipe") || message.contains("connection was closed")) {
                return true;
            }
        }
        return false;
    }

    /** One line: what went wrong with Redis at {@code settings}' endpoint, the setting involved and the fix. */
    public static String describe(Throwable failure, RedisSettings settings) {
        String at = "Redis at " + settings.endpoint();
        if (hasAuthFailure(failure)) {
            return at + " refused the credentials (" + rootMessage(failure) + "): set user:password in " + RedisSettings.URL_VARIABLE
                    + " (rediss://user:password@host:port) or fix the secret named by " + RedisSettings.AUTH_SECRET_ARN_VARIABLE;
        }
        if (has(failure, CertificateException.class) && messageContains(failure, "no subject alternative", "no name matching",
                "doesn't match", "does not match", "subject alternative names")) {
            return at + ": the server certificate does not name host '" + settings.host() + "' (" + rootMessage(failure)
                    + "): use in " + RedisSettings.URL_VARIABLE + " the host name the certificate was issued for";
        }
        if (has(failure, CertPathValidatorException.class) || messageContains(failure, "pkix path", "unable to find valid certification path",
                "certificate_unknown", "unknown_ca", "bad_certificate")) {
            return at + ": the server certificate is not trusted (" + rootMessage(failure) + "): set " + RedisSettings.CA_FILE_VARIABLE
                    + " to the PEM file of the CA that signed it (the JVM's default roots are used otherwise)";
        }
        if (has(failure, SSLException.class)) {
            return at + ": the TLS handshake failed (" + rootMessage(failure) + "): check that the server speaks TLS on this port"
                    + " (rediss://) and " + RedisSettings.CA_FILE_VARIABLE;
        }
        if (has(failure, UnknownHostException.class)) {
            return at + ": unknown host '" + settings.host() + "': fix the host in " + RedisSettings.URL_VARIABLE;
        }
        if (messageContains(failure, "wrong version number", "not an ssl/tls record", "unrecognized ssl message")) {
            return at + ": the server does not speak TLS on this port: use redis:// or the server's TLS port in " + RedisSettings.URL_VARIABLE;
        }
        return at + " cannot be reached (" + rootMessage(failure) + "): is Redis running there, and is " + RedisSettings.URL_VARIABLE
                + " right (rediss://[user:password@]host:port)?";
    }

    /** Redis refused the credentials (WRONGPASS, NOAUTH, an ACL denial of AUTH): a rotated secret is worth re-reading. */
    public static boolean isAuthFailure(Throwable failure) {
        return hasAuthFailure(failure);
    }

    private static boolean hasAuthFailure(Throwable failure) {
        return messageContains(failure, "wrongpass", "noauth", "invalid username-password", "invalid password", "authentication required",
                "auth failed", "-err auth");
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean messageContains(Throwable failure, String... needles) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (message.contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message, without line breaks (the answer must stay one line). */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
