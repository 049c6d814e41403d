package io.edgeledger.probe.dogstatsd;

import io.edgeledger.probe.agent.aggregator.MetricType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One parsed DogStatsD metric, as offsets into the packet buffer. The parser reuses one instance per thread so the
 * hot path allocates nothing; copy what you keep ({@link #name()}, {@link #tags()}) before the next line.
 */
public final class MetricLine {
    byte[] buf;
    int nameOff;
    int nameLen;
    double value;
    int memberOff;
    int memberLen;
    MetricType type;
    double sampleRate = 1.0;
    int tagsOff;
    int tagsLen;
    long timestamp;

    public byte[] buffer() {
        return buf;
    }

    public int nameOffset() {
        return nameOff;
    }

    public int nameLength() {
        return nameLen;
    }

    public int tagsOffset() {
        return tagsOff;
    }

    public int tagsLength() {
        return tagsLen;
    }

    public String name() {
        return new String(buf, nameOff, nameLen, StandardCharsets.UTF_8);
    }

    public double value() {
        return value;
    }

    public MetricType type() {
        return type;
    }

    public double sampleRate() {
        return sampleRate;
    }

    /** The {@code |T} unix timestamp, or 0 when the client sent none. */
    public long timestamp() {
        return timestamp;
    }

    /** For sets: the member as sent. */
    public String member() {
        return new String(buf, memberOff, memberLen, StandardCharsets.UTF_8);
    }

    /** The tags in the order sent, empty entries dropped. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        int start = tagsOff;
        int end = tagsOff + tagsLen;
        for (int i = tagsOff; i <= end; i++) {
            if (i == end || buf[i] == ',') {
                if (i > start) {
                    tags.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return tags;
    }

    @Override
    public String toString() {
        return name() + ":" + (type == MetricType.SET ? member() : Double.toString(value)) + "|" + type + "|@"
                + sampleRate + "|#" + tags();
    }
}
