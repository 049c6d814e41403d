package io.edgeledger.cdc.streams;

import io.edgeledger.cdc.redis.RedisText;
import io.edgeledger.cdc.redis.Command;
import io.edgeledger.cdc.redis.RedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the Debezium streams {@code <prefix>.*} with SCAN (never KEYS, which blocks a shared Redis),
 * every run, so a table that appears later is picked up without a restart. Our own dead-letter streams
 * ({@code <stream>:dead}) match the pattern too and are left out.
 */
public final class StreamDiscovery {
    public static final String DEAD_LETTER_SUFFIX = ":dead";

    private final String pattern;

    public StreamDiscovery(String prefix) {
        this.pattern = globEscape(prefix) + ".*";
    }

    public String pattern() {
        return pattern;
    }

    @SuppressWarnings("unchecked")
    public List<String> streams(RedisConnection redis) {
        TreeSet<String> found = new TreeSet<>();
        String cursor = "0";
        do {
            List<Object> reply = (List<Object>) redis.raw(Command.SCAN, RedisText.of(cursor), RedisText.of("MATCH"), RedisText.of(pattern),
                    RedisText.of("COUNT"), RedisText.of(1000), RedisText.of("TYPE"), RedisText.of("stream"));
            cursor = RedisText.text(reply.get(0));
            for (Object key : (List<Object>) reply.get(1)) {
                String name = RedisText.text(key);
                if (!name.endsWith(DEAD_LETTER_SUFFIX)) {
                    found.add(name);
                }
            }
        } while (!"0".equals(cursor));
        return new ArrayList<>(found);
    }

    private static String globEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
