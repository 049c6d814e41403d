package io.edgeledger.infra.config;

/** A CDK context value is missing or invalid; the message names the key, the bad value and how to fix it. */
public final class InfraConfigException extends RuntimeException {
    public InfraConfigException(String message) {
        super(message);
    }
}
