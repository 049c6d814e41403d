package io.edgeledger.probe.devlog.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Event timestamps: UTC, YYYY-MM-DDTHH:MM:SS.mmmZ, sub-millisecond digits truncated. */
public final class Timestamps {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return OUT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static String ofEpochMillis(long millis) {
        return format(Instant.ofEpochMilli(millis));
    }

    /** Normalizes an ISO-8601 timestamp (any offset, any fraction); null when it is absent or unparseable. */
    public static String normalize(String iso) {
        if (iso == null || iso.isEmpty()) {
            return null;
        }
        if (iso.length() == 24 && iso.charAt(23) == 'Z' && iso.charAt(19) == '.' && iso.charAt(10) == 'T') {
            return iso; // already canonical: the common case, keep it cheap
        }
        try {
            return format(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return format(Instant.parse(iso));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    public static Instant parse(String normalized) {
        return Instant.parse(normalized);
    }
}
