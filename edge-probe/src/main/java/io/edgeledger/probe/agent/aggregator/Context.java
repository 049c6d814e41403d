package io.edgeledger.probe.agent.aggregator;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A metric context: name + host + sorted, de-duplicated tags. Two samples with the same context are aggregated
 * together whatever the order their tags came in.
 */
public final class Context {
    private final String name;
    private final String host;
    private final List<String> tags;
    private final int hash;

    private Context(String name, String host, List<String> sortedTags) {
        this.name = name;
        this.host = host == null ? "" : host;
        this.tags = sortedTags;
        this.hash = Objects.hash(name, this.host, sortedTags);
    }

    public static Context of(String name, String host, List<String> tags) {
        return new Context(name, host, tags == null || tags.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(tags)));
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public List<String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Context c && hash == c.hash && name.equals(c.name) && host.equals(c.host)
                && tags.equals(c.tags);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return name + "{host=" + host + ", tags=" + tags + "}";
    }
}
