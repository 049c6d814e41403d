package io.edgeledger.probe.traceroute;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Start-up shortcut for the common case: fills a {@link TracerouteCommand} from its own picocli
 * annotations (names, defaults) without building picocli's model, which costs more than the trace on a
 * small machine. Anything it does not plainly understand (help, version, clustered or unknown flags,
 * bad numbers, missing host) returns null, and picocli parses instead, so picocli stays the single
 * authority for usage and error messages.
 */
final class FastArgs {
    private static final String NO_DEFAULT = "__no_default_value__";

    private FastArgs() {}

    static TracerouteCommand parse(String[] args) {
        try {
            return tryParse(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static TracerouteCommand tryParse(String[] args) throws ReflectiveOperationException {
        TracerouteCommand cmd = new TracerouteCommand();
        Map<String, Field> byName = new HashMap<>();
        Field host = null;
        for (Field f : TracerouteCommand.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                for (String n : o.names()) {
                    byName.put(n, f);
                }
                if (!NO_DEFAULT.equals(o.defaultValue())) {
                    set(cmd, f, o.defaultValue(), true);
                }
            } else if (f.getAnnotation(Parameters.class) != null) {
                host = f;
            }
        }
        if (host == null) {
            return null;
        }
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                positional.add(a);
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            Field f = byName.get(name);
            if (f == null) {
                return null; // help, version, clustered short options, unknown: picocli decides
            }
            if (f.getType() == boolean.class) {
                if (value != null) {
                    return null;
                }
                f.setBoolean(cmd, true);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            set(cmd, f, value, false);
        }
        if (positional.size() != 1) {
            return null;
        }
        host.set(cmd, positional.get(0));
        return cmd;
    }

    @SuppressWarnings("unchecked")
    private static void set(TracerouteCommand cmd, Field f, String value, boolean isDefault) throws IllegalAccessException {
        Class<?> t = f.getType();
        if (t == int.class) {
            f.setInt(cmd, Integer.parseInt(value.trim()));
        } else if (t == String.class) {
            f.set(cmd, value);
        } else if (t == boolean.class) {
            f.setBoolean(cmd, Boolean.parseBoolean(value));
        } else if (t == List.class && !isDefault) {
            List<String> list = (List<String>) f.get(cmd);
            if (list == null) {
                list = new ArrayList<>();
                f.set(cmd, list);
            }
            list.add(value);
        } else if (!isDefault) {
            throw new IllegalArgumentException("unsupported option type " + t);
        }
    }
}
