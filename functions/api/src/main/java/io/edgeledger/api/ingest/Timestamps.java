package io.edgeledger.api.ingest;

/** Payload timestamps are unix seconds; milliseconds are accepted too (a seconds value that large is year 5138). */
public final class Timestamps {
    private Timestamps() {}

    public static long toMillis(long timestamp) {
        return timestamp > 100_000_000_000L ? timestamp : timestamp * 1000L;
    }
}
