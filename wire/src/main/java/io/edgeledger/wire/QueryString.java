package io.edgeledger.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a raw URL query into names and values; a name given twice or a malformed escape is an error naming it. */
public final class QueryString {
    private QueryString() {}

    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode("", eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(name, pair.substring(eq + 1));
            if (out.put(name, value) != null) {
                throw new InvalidFieldException(name, "is given twice");
            }
        }
        return out;
    }

    private static String decode(String field, String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "has a malformed %-escape");
        }
    }
}
