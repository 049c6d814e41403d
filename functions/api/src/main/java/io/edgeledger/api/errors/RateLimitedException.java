package io.edgeledger.api.errors;

/** 429 with a Retry-After: the caller should slow down, not give up. */
public final class RateLimitedException extends ApiException {
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(429, "rate_limited", message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
