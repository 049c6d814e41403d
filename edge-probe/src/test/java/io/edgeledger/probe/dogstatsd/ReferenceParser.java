package io.edgeledger.probe.dogstatsd;

import io.edgeledger.probe.agent.aggregator.MetricType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A slow, obviously-correct String/regex reading of the same grammar, the oracle for the fuzz test. */
final class ReferenceParser {
    record Parsed(String name, List<Double> values, String member, MetricType type, double rate, List<String> tags,
            long timestamp) {}

    static final Object MALFORMED = "malformed";
    /** An event or service check: checked by EventAndServiceCheckParserTest, here only "not a metric". */
    static final Object NON_METRIC = "non-metric";
    static final Object EMPTY = "empty";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static Object parse(String line) {
        if (line.isEmpty()) {
            return EMPTY;
        }
        if (line.startsWith("_e{") || line.startsWith("_sc|")) {
            return NON_METRIC;
        }
        int pipe = line.indexOf('|');
        int colon = line.indexOf(':');
        if (pipe < 0 || colon <= 0 || colon > pipe || colon + 1 == pipe) {
            return MALFORMED;
        }
        String[] fields = line.substring(pipe + 1).split("\\|", -1);
        MetricType type = switch (fields[0]) {
            case "c" -> MetricType.COUNTER;
            case "g" -> MetricType.GAUGE;
            case "h", "d", "ms" -> MetricType.HISTOGRAM;
            case "s" -> MetricType.SET;
            default -> null;
        };
        if (type == null) {
            return MALFORMED;
        }
        double rate = 1.0;
        List<String> tags = List.of();
        long ts = 0;
        for (String f : Arrays.asList(fields).subList(1, fields.length)) {
            if (f.startsWith("@")) {
                Double r = number(f.substring(1));
                if (r == null || !(r > 0 && r <= 1)) {
                    return MALFORMED;
                }
                rate = r;
            } else if (f.startsWith("#")) {
                tags = new ArrayList<>();
                for (String t : f.substring(1).split(",")) {
                    if (!t.isEmpty()) {
                        tags.add(t);
                    }
                }
            } else if (f.startsWith("T")) {
                String digits = f.substring(1);
                if (!digits.matches("\\d{1,18}") || Long.parseLong(digits) <= 0) {
                    return MALFORMED;
                }
                ts = Long.parseLong(digits);
            }
        }
        String name = line.substring(0, colon);
        String rawValues = line.substring(colon + 1, pipe);
        if (type == MetricType.SET) {
            return new Parsed(name, List.of(), rawValues, type, rate, tags, ts);
        }
        List<Double> values = new ArrayList<>();
        for (String v : rawValues.split(":", -1)) {
            Double d = number(v);
            if (d == null) {
                return MALFORMED;
            }
            values.add(d);
        }
        return new Parsed(name, values, null, type, rate, tags, ts);
    }

    private static Double number(String s) {
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? d : null;
    }
}
