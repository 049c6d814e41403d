package io.edgeledger.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.util.List;

/** One {@code [ts, value]} pair of a series, as Datadog's series API writes it: unix seconds, then the value. */
public record MetricPoint(long timestamp, double value) {
    public MetricPoint {
        if (timestamp < 0 || timestamp > UnixTime.MAX) {
            throw new InvalidFieldException("", "must be [unix_seconds, number] with a timestamp from 0 to " + UnixTime.MAX
                    + ", got " + timestamp);
        }
    }

    /** Reads the pair as sent, so a short pair or a timestamp past 2^63 is named rather than truncated. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MetricPoint fromJson(List<Object> pair) {
        if (pair == null || pair.size() != 2 || !(pair.get(1) instanceof Number value)) {
            throw new InvalidFieldException("", "must be [unix_seconds, number]");
        }
        Object ts = pair.get(0);
        boolean integral = ts instanceof Integer || ts instanceof Long || ts instanceof BigInteger;
        if (!integral || ts instanceof BigInteger big && big.bitLength() > 63) {
            throw new InvalidFieldException("", "must be [unix_seconds, number] with a timestamp from 0 to " + UnixTime.MAX
                    + ", got " + ts);
        }
        return new MetricPoint(((Number) ts).longValue(), value.doubleValue());
    }

    @JsonValue
    public List<Number> json() {
        return List.of(timestamp, value);
    }
}
