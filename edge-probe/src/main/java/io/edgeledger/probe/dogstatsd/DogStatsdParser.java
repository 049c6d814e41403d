package io.edgeledger.probe.dogstatsd;

import io.edgeledger.probe.agent.aggregator.MetricType;
import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;

/**
 * The DogStatsD wire format: {@code name:value[:value...]|type[|@rate][|#tag,tag:v][|Tunix][|c:container]}, several
 * lines per packet separated by {@code \n}. Types: {@code c} counter, {@code g} gauge, {@code ms}/{@code h}/{@code d}
 * histogram, {@code s} set. Unknown extension fields are ignored (forward compatible, as Datadog does); events
 * ({@code _e{}) and service checks ({@code _sc|}) are parsed by {@link EventAndServiceCheckParser}.
 *
 * <p>Works on bytes with no allocation on the hot path. A line is rejected as a whole (no value of it is used) when
 * the name is empty, the type unknown, a value not a finite number, or the sample rate outside (0, 1].
 */
public final class DogStatsdParser {
    public enum Outcome { METRIC, EMPTY, MALFORMED, EVENT, SERVICE_CHECK }

    /** Called once per value of a valid line, and once per event or service check. */
    @FunctionalInterface
    public interface Handler {
        void metric(MetricLine line);

        default void event(Event event) { }

        default void serviceCheck(ServiceCheck check) { }
    }

    /** Per-packet tallies, reset by the caller. */
    public static final class Counts {
        public long metrics;
        public long malformed;
        public long events;
        public long serviceChecks;
    }

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final MetricLine line = new MetricLine();
    private double[] values = new double[4];

    /** Parses every line of one packet. */
    public void parsePacket(byte[] buf, int off, int len, Handler handler, Counts counts) {
        int end = off + len;
        int start = off;
        for (int i = off; i <= end; i++) {
            if (i == end || buf[i] == '\n') {
                int lineEnd = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                switch (parseLine(buf, start, lineEnd, handler, counts)) {
                    case MALFORMED -> counts.malformed++;
                    case EVENT -> counts.events++;
                    case SERVICE_CHECK -> counts.serviceChecks++;
                    default -> { }
                }
                start = i + 1;
            }
        }
    }

    /** Parses one line ({@code [start, end)}, no newline); calls the handler once per value when it is valid. */
    public Outcome parseLine(byte[] buf, int start, int end, Handler handler, Counts counts) {
        if (start >= end) {
            return Outcome.EMPTY;
        }
        if (buf[start] == '_') {
            if (startsWith(buf, start, end, "_e{")) {
                Event event = EventAndServiceCheckParser.event(buf, start, end);
                if (event == null) {
                    return Outcome.MALFORMED;
                }
                handler.event(event);
                return Outcome.EVENT;
            }
            if (startsWith(buf, start, end, "_sc|")) {
                ServiceCheck check = EventAndServiceCheckParser.serviceCheck(buf, start, end);
                if (check == null) {
                    return Outcome.MALFORMED;
                }
                handler.serviceCheck(check);
                return Outcome.SERVICE_CHECK;
            }
        }
        int colon = indexOf(buf, start, end, (byte) ':');
        int pipe = indexOf(buf, start, end, (byte) '|');
        if (colon <= start || pipe < 0 || colon > pipe || colon + 1 == pipe) {
            return Outcome.MALFORMED;
        }
        MetricLine l = line;
        l.buf = buf;
        l.nameOff = start;
        l.nameLen = colon - start;
        l.sampleRate = 1.0;
        l.tagsOff = 0;
        l.tagsLen = 0;
        l.timestamp = 0;

        int typeStart = pipe + 1;
        int typeEnd = indexOf(buf, typeStart, end, (byte) '|');
        if (typeEnd < 0) {
            typeEnd = end;
        }
        l.type = type(buf, typeStart, typeEnd);
        if (l.type == null) {
            return Outcome.MALFORMED;
        }
        for (int f = typeEnd; f < end; ) {
            int fStart = f + 1;
            int fEnd = indexOf(buf, fStart, end, (byte) '|');
            if (fEnd < 0) {
                fEnd = end;
            }
            if (fStart < fEnd) {
                byte kind = buf[fStart];
                if (kind == '@') {
                    double rate = parseNumber(buf, fStart + 1, fEnd);
                    if (!(rate > 0 && rate <= 1)) {
                        return Outcome.MALFORMED;
                    }
                    l.sampleRate = rate;
                } else if (kind == '#') {
                    l.tagsOff = fStart + 1;
                    l.tagsLen = fEnd - fStart - 1;
                } else if (kind == 'T') {
                    long ts = parseLong(buf, fStart + 1, fEnd);
                    if (ts <= 0) {
                        return Outcome.MALFORMED;
                    }
                    l.timestamp = ts;
                }
                // other fields (c:container, e:external data, card:...) do not affect aggregation here
            }
            f = fEnd;
        }

        int valuesStart = colon + 1;
        if (l.type == MetricType.SET) { // a set member is any text, even with ':'
            l.memberOff = valuesStart;
            l.memberLen = pipe - valuesStart;
            l.value = 0;
            handler.metric(l);
            counts.metrics++;
            return Outcome.METRIC;
        }
        // parse every value first so a bad one rejects the whole line
        int n = 0;
        for (int v = valuesStart; v <= pipe; ) {
            int vEnd = indexOf(buf, v, pipe, (byte) ':');
            if (vEnd < 0) {
                vEnd = pipe;
            }
            double value = parseNumber(buf, v, vEnd);
            if (Double.isNaN(value)) {
                return Outcome.MALFORMED;
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = value;
            v = vEnd + 1;
        }
        for (int i = 0; i < n; i++) {
            l.value = values[i];
            handler.metric(l);
        }
        counts.metrics += n;
        return Outcome.METRIC;
    }

    private static MetricType type(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 1) {
            return switch (b[s]) {
                case 'c' -> MetricType.COUNTER;
                case 'g' -> MetricType.GAUGE;
                case 'h', 'd' -> MetricType.HISTOGRAM;
                case 's' -> MetricType.SET;
                default -> null;
            };
        }
        if (n == 2 && b[s] == 'm' && b[s + 1] == 's') {
            return MetricType.HISTOGRAM;
        }
        return null;
    }

    /**
     * A finite decimal number ({@code [+-]digits[.digits][e[+-]digits]}), or NaN when the text is anything else.
     * Short numbers take an exact fast path (mantissa below 2^53 divided by an exact power of ten is correctly
     * rounded); the rest go through {@link Double#parseDouble} after a strict character check.
     */
    static double parseNumber(byte[] b, int s, int e) {
        if (s >= e) {
            return Double.NaN;
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean dot = false;
        boolean any = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits < 15) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    if (dot) {
                        fraction++;
                    }
                } else {
                    return slowParse(b, s, e);
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else if (c == 'e' || c == 'E') {
                return any ? slowParse(b, s, e) : Double.NaN;
            } else {
                return Double.NaN;
            }
        }
        if (!any || fraction >= POW10.length) {
            return any ? slowParse(b, s, e) : Double.NaN;
        }
        double v = fraction == 0 ? mantissa : mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    private static double slowParse(byte[] b, int s, int e) {
        boolean seenExp = false;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
            if (!ok) {
                return Double.NaN;
            }
            if (c == 'e' || c == 'E') {
                if (seenExp || i + 1 == e) {
                    return Double.NaN;
                }
                seenExp = true;
            }
        }
        try {
            double v = Double.parseDouble(new String(b, s, e - s, java.nio.charset.StandardCharsets.US_ASCII));
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException bad) {
            return Double.NaN;
        }
    }

    /** A non-negative decimal of at most 18 digits, or -1. */
    static long parseLong(byte[] b, int s, int e) {
        if (s >= e || e - s > 18) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    static int indexOf(byte[] b, int s, int e, byte c) {
        for (int i = s; i < e; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int s, int e, String prefix) {
        if (e - s < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[s + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
