package io.edgeledger.probe.dogstatsd;

import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * DogStatsD's two non-metric datagrams, as Datadog documents them:
 * <ul>
 * <li>{@code _e{<title bytes>,<text bytes>}:<title>|<text>[|d:<ts>][|h:<host>][|k:<key>][|p:normal|low]
 * [|s:<source>][|t:error|warning|info|success][|#tag,tag]}: the lengths count UTF-8 bytes, the title is not empty;
 * a {@code \n} escape in the text is a new line.</li>
 * <li>{@code _sc|<name>|<status 0..3>[|d:<ts>][|h:<host>][|#tags][|m:<message>]}.</li>
 * </ul>
 * Datadog keeps an event or service check whose optional field has a bad value and uses the default for it; it
 * drops the line when its frame is wrong (lengths, title, name, status). Unknown fields are ignored. Rare traffic:
 * this allocates freely.
 */
final class EventAndServiceCheckParser {
    private EventAndServiceCheckParser() {}

    /** The event of {@code [start, end)} (which starts with {@code _e{}), or null when malformed. */
    static Event event(byte[] b, int start, int end) {
        int p = start + 3;
        int comma = DogStatsdParser.indexOf(b, p, end, (byte) ',');
        if (comma < 0) {
            return null;
        }
        long titleLen = DogStatsdParser.parseLong(b, p, comma); // long: a huge length must not wrap to a small int
        int brace = DogStatsdParser.indexOf(b, comma + 1, end, (byte) '}');
        if (brace < 0) {
            return null;
        }
        long textLen = DogStatsdParser.parseLong(b, comma + 1, brace);
        if (titleLen <= 0 || textLen < 0 || brace + 1 >= end || b[brace + 1] != ':') {
            return null;
        }
        int titleStart = brace + 2;
        long titleEnd = titleStart + titleLen;
        long textEnd = titleEnd + 1 + textLen;
        if (textEnd > end || b[(int) titleEnd] != '|' || (textEnd < end && b[(int) textEnd] != '|')) {
            return null;
        }
        String title = utf8(b, titleStart, (int) titleEnd);
        String text = utf8(b, (int) titleEnd + 1, (int) textEnd).replace("\\n", "\n");
        long ts = 0;
        String host = null;
        String key = null;
        String priority = null;
        String source = null;
        String alert = null;
        List<String> tags = List.of();
        for (int f = (int) textEnd; f < end; ) {
            int fs = f + 1;
            int fe = fieldEnd(b, fs, end);
            if (fe - fs >= 2 && b[fs + 1] == ':') {
                String v = utf8(b, fs + 2, fe);
                switch (b[fs]) {
                    case 'd' -> ts = Math.max(0, DogStatsdParser.parseLong(b, fs + 2, fe));
                    case 'h' -> host = v;
                    case 'k' -> key = v;
                    case 'p' -> priority = Event.PRIORITIES.contains(v) ? v : null;
                    case 's' -> source = v;
                    case 't' -> alert = Event.ALERT_TYPES.contains(v) ? v : null;
                    default -> { }
                }
            } else if (fe > fs && b[fs] == '#') {
                tags = tags(b, fs + 1, fe);
            }
            f = fe;
        }
        return new Event(title, text, ts, host, priority, alert, key, source, tags);
    }

    /** The service check of {@code [start, end)} (which starts with {@code _sc|}), or null when malformed. */
    static ServiceCheck serviceCheck(byte[] b, int start, int end) {
        int nameStart = start + 4;
        int nameEnd = fieldEnd(b, nameStart, end);
        if (nameEnd == nameStart || nameEnd >= end) {
            return null;
        }
        int statusEnd = fieldEnd(b, nameEnd + 1, end);
        if (statusEnd != nameEnd + 2 || b[nameEnd + 1] < '0' || b[nameEnd + 1] > '3') {
            return null;
        }
        int status = b[nameEnd + 1] - '0';
        long ts = 0;
        String host = null;
        String message = null;
        List<String> tags = List.of();
        for (int f = statusEnd; f < end; ) {
            int fs = f + 1;
            int fe = fieldEnd(b, fs, end);
            if (fe - fs >= 2 && b[fs + 1] == ':') {
                switch (b[fs]) {
                    case 'd' -> ts = Math.max(0, DogStatsdParser.parseLong(b, fs + 2, fe));
                    case 'h' -> host = utf8(b, fs + 2, fe);
                    case 'm' -> message = utf8(b, fs + 2, fe).replace("\\n", "\n");
                    default -> { }
                }
            } else if (fe > fs && b[fs] == '#') {
                tags = tags(b, fs + 1, fe);
            }
            f = fe;
        }
        return new ServiceCheck(utf8(b, nameStart, nameEnd), status, ts, host, tags, message);
    }

    private static List<String> tags(byte[] b, int s, int e) {
        List<String> out = new ArrayList<>();
        int from = s;
        for (int i = s; i <= e; i++) {
            if (i == e || b[i] == ',') {
                if (i > from) {
                    out.add(utf8(b, from, i));
                }
                from = i + 1;
            }
        }
        return out;
    }

    private static int fieldEnd(byte[] b, int s, int e) {
        int i = DogStatsdParser.indexOf(b, s, e, (byte) '|');
        return i < 0 ? e : i;
    }

    private static String utf8(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
}
