package io.edgeledger.api.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The UTC days an archive query must read, newest first, capped so one query cannot scan years of objects. */
public final class IngestedDays {
    private IngestedDays() {}

    public static List<LocalDate> between(Instant from, Instant to, int maxDays) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        for (LocalDate day = LocalDate.ofInstant(to, ZoneOffset.UTC); !day.isBefore(first) && days.size() < maxDays; day = day.minusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
