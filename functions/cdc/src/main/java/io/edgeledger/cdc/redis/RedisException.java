package io.edgeledger.cdc.redis;

/** Redis could not be reached, or answered a command with an error. */
public class RedisException extends RuntimeException {
    public RedisException(String message) {
        super(message);
    }

    public RedisException(String message, Throwable cause) {
        super(message, cause);
    }
}
