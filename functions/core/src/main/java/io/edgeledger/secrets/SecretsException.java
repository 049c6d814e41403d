package io.edgeledger.secrets;

/** A secret cannot be used: the message names the setting, the ARN and the fix, never the secret's value. */
public final class SecretsException extends RuntimeException {
    public SecretsException(String message) {
        super(message);
    }

    public SecretsException(String message, Throwable cause) {
        super(message, cause);
    }
}
