package io.edgeledger.ledger.leaf;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Debezium / Connect epoch-based temporal values written as ISO text (proleptic Gregorian, UTC). */
final class TemporalText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private TemporalText() {}

    static String date(long epochDays) {
        return LocalDate.ofEpochDay(epochDays).format(DATE);
    }

    /** {@code YYYY-MM-DDTHH:MM:SS.f..fZ}; unitsPerSecond 10^digits. Negative values count back (floor). */
    static String timestamp(long value, long unitsPerSecond, int digits) {
        long seconds = Math.floorDiv(value, unitsPerSecond);
        long fraction = Math.floorMod(value, unitsPerSecond);
        String dt = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(DATE_TIME);
        return dt + "." + pad(Long.toString(fraction), digits) + "Z";
    }

    /** Time of day since midnight, not wrapped at 24 h; negative values as '-' and the format of |v|. */
    static String timeOfDay(long value, long unitsPerSecond, int digits) {
        BigInteger abs = BigInteger.valueOf(value).abs();
        BigInteger unit = BigInteger.valueOf(unitsPerSecond);
        BigInteger[] secAndFraction = abs.divideAndRemainder(unit);
        BigInteger totalSeconds = secAndFraction[0];
        BigInteger[] hoursAndRest = totalSeconds.divideAndRemainder(BigInteger.valueOf(3600));
        int rest = hoursAndRest[1].intValue();
        String hours = pad(hoursAndRest[0].toString(), 2);
        return (value < 0 ? "-" : "") + hours + ":" + pad(Integer.toString(rest / 60), 2) + ":" + pad(Integer.toString(rest % 60), 2)
                + "." + pad(secAndFraction[1].toString(), digits);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
