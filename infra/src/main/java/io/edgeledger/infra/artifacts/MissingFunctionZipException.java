package io.edgeledger.infra.artifacts;

/** A Lambda zip the stacks deploy has not been built yet. */
public final class MissingFunctionZipException extends RuntimeException {
    public MissingFunctionZipException(String message) {
        super(message);
    }
}
