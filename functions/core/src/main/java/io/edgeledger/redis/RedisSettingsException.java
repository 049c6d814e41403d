package io.edgeledger.redis;

/**
 * Redis cannot be used as configured. The message is one line that names the setting and the fix, and never
 * holds a password.
 */
public final class RedisSettingsException extends RuntimeException {
    public RedisSettingsException(String message) {
        super(message);
    }

    public RedisSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
