package io.edgeledger.cdc.config;

/** A setting has a value we cannot use; the message names the variable, the value and what is expected. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
