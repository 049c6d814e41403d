package io.edgeledger.probe.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with its source position, so every typed getter can fail with the file, the line and the
 * dotted field path ({@code instances[1].port}) of the offending value.
 */
public final class ConfigNode {
    private final Path file;
    private final String path;
    private final Node node;

    public ConfigNode(Path file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** An empty mapping, for a missing {@code init_config}. */
    public static ConfigNode empty(Path file, String path) {
        return new ConfigNode(file, path, null);
    }

    public Path file() {
        return file;
    }

    public String path() {
        return path;
    }

    public int line() {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public ConfigException error(String key, String reason) {
        Node at = raw(key);
        return new ConfigException(file, at != null ? at.getStartMark().getLine() + 1 : line(), field(key), reason);
    }

    private Node raw(String key) {
        if (!(node instanceof MappingNode m)) {
            return null;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static boolean isNull(Node n) {
        return n == null || n instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    public boolean has(String key) {
        return !isNull(raw(key));
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    keys.add(k.getValue());
                }
            }
        }
        return keys;
    }

    private String scalar(String key, String what) throws ConfigException {
        Node n = raw(key);
        if (isNull(n)) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            throw error(key, "must be " + what);
        }
        return s.getValue();
    }

    public String string(String key, String fallback) throws ConfigException {
        String v = scalar(key, "a string");
        return v == null ? fallback : v;
    }

    public String requiredString(String key) throws ConfigException {
        String v = scalar(key, "a string");
        if (v == null || v.isBlank()) {
            throw error(key, "is required");
        }
        return v;
    }

    public long integer(String key, long fallback, long min, long max) throws ConfigException {
        String v = scalar(key, "an integer");
        if (v == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be an integer between " + min + " and " + max + ", got \"" + v + "\"");
        }
        if (parsed < min || parsed > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    public double number(String key, double fallback, double min, double max) throws ConfigException {
        String v = scalar(key, "a number");
        if (v == null) {
            return fallback;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw error(key, "must be a number, got \"" + v + "\"");
        }
        if (!(parsed >= min && parsed <= max)) {
            throw error(key, "must be between " + min + " and " + max + ", got " + v);
        }
        return parsed;
    }

    public boolean bool(String key, boolean fallback) throws ConfigException {
        String v = scalar(key, "true or false");
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "must be true or false, got \"" + v + "\"");
        };
    }

    public List<String> stringList(String key) throws ConfigException {
        Node n = raw(key);
        if (isNull(n)) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            throw error(key, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s)) {
                throw new ConfigException(file, item.getStartMark().getLine() + 1, field(key),
                        "must be a list of strings");
            }
            out.add(s.getValue());
        }
        return out;
    }

    /** A nested mapping; empty when absent. */
    public ConfigNode child(String key) throws ConfigException {
        Node n = raw(key);
        if (isNull(n)) {
            return empty(file, field(key));
        }
        if (!(n instanceof MappingNode)) {
            throw error(key, "must be a mapping (key: value lines)");
        }
        return new ConfigNode(file, field(key), n);
    }

    public Optional<List<ConfigNode>> list(String key) throws ConfigException {
        Node n = raw(key);
        if (isNull(n)) {
            return Optional.empty();
        }
        if (!(n instanceof SequenceNode seq)) {
            throw error(key, "must be a list");
        }
        List<ConfigNode> out = new ArrayList<>();
        int i = 0;
        for (Node item : seq.getValue()) {
            out.add(new ConfigNode(file, field(key) + "[" + i++ + "]", item));
        }
        return Optional.of(out);
    }

    public boolean isMapping() {
        return node == null || node instanceof MappingNode;
    }

    /** The plain value tree (maps, lists, strings), for hashing a stable check id. */
    public Object plain() {
        return plain(node);
    }

    private static Object plain(Node n) {
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                out.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
            }
            return out;
        }
        if (n instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            s.getValue().forEach(item -> out.add(plain(item)));
            return out;
        }
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        return null;
    }
}
