package io.edgeledger.api.errors;

import java.io.IOException;

/**
 * A body without a declared length grew past the limit while it was read. An {@link IOException} on purpose: Jackson
 * passes I/O failures of its input through unwrapped, so whichever reader was pulling the body, this reaches
 * {@link BodyTooLargeMapper} and not the JSON error mappers.
 */
public final class BodyTooLargeException extends IOException {
    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the body is larger than " + limit + " bytes; the limit is " + limit + " (send smaller batches or gzip them)");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
