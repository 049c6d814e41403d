package io.edgeledger.wire;

/**
 * Payload timestamps are unix seconds; milliseconds are accepted too (a seconds value that large is year 5138).
 * Anything past the last millisecond of year 9999 is refused, so every accepted value is a valid {@link java.time.Instant}.
 */
public final class UnixTime {
    /** 9999-12-31T23:59:59.999Z in milliseconds. */
    public static final long MAX = 253_402_300_799_999L;
    private static final long MILLIS_FROM = 100_000_000_000L;

    private UnixTime() {}

    public static long toMillis(long timestamp) {
        return timestamp > MILLIS_FROM ? timestamp : timestamp * 1000L;
    }

    /** Checks a payload timestamp; returns it. */
    static long require(String field, long timestamp) {
        if (timestamp < 0 || timestamp > MAX) {
            throw new InvalidFieldException(field, "must be unix seconds (or milliseconds) from 0 to " + MAX + ", got " + timestamp);
        }
        return timestamp;
    }
}
