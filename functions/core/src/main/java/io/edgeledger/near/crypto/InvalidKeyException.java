package io.edgeledger.near.crypto;

/** A key or credentials file that cannot be used; the message says what is wrong, never the secret. */
public class InvalidKeyException extends IllegalArgumentException {
    public InvalidKeyException(String message) {
        super(message);
    }
}
