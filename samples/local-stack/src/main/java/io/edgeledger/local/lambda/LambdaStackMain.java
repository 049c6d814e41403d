package io.edgeledger.local.lambda;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./edgeledger up --lambda}'s runner: the functions of a synthesized template under the Lambda runtime loop.
 * <pre>
 * LambdaStackMain --cdk-out DIR --runtime-lib DIR --sandbox DIR
 *     [--http FUNCTION=PORT]... [--schedule FUNCTION=SECONDS]... [--set NAME=VALUE]...
 *     [--bridge NAME=VALUE]... [--snapstart] [--max-concurrency N] [--init-timeout-seconds S]
 * </pre>
 * Bad arguments and template problems end it with one message and exit code 2.
 */
public final class LambdaStackMain {
    private LambdaStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, Integer> http = new LinkedHashMap<>();
        Map<String, Integer> schedules = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> bridges = new LinkedHashMap<>();
        boolean snapStart = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--snapstart" -> snapStart = true;
                    case "--http" -> put(http, value(args, ++i, a), a);
                    case "--schedule" -> put(schedules, value(args, ++i, a), a);
                    case "--set" -> putPair(overrides, value(args, ++i, a), a);
                    case "--bridge" -> putPair(bridges, value(args, ++i, a), a);
                    case "--cdk-out", "--runtime-lib", "--sandbox", "--max-concurrency", "--init-timeout-seconds" ->
                            opts.put(a, value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            CloudAssembly assembly = CloudAssembly.read(Path.of(required(opts, "--cdk-out")));
            LocalFunctionSettings settings = new LocalFunctionSettings(Path.of(required(opts, "--sandbox")).toAbsolutePath(),
                    Path.of(required(opts, "--runtime-lib")).toAbsolutePath(), overrides, bridges, snapStart,
                    Integer.parseInt(opts.getOrDefault("--max-concurrency", "4")),
                    Long.parseLong(opts.getOrDefault("--init-timeout-seconds", "120")) * 1000);
            FunctionEnvironment.checkUsed(overrides, assembly.functions());
            bridges.keySet().forEach(name -> System.out.println("BRIDGE: " + name
                    + " is set on every function although the template does not set it (a known gap until the functions read it from the template's settings)"));
            List<AutoCloseable> running = new ArrayList<>();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(running)));
            Map<String, LocalFunction> functions = new LinkedHashMap<>();
            for (String name : concat(http.keySet(), schedules.keySet())) {
                TemplateFunction f = assembly.function(name);
                // resolve once up front so a missing local value fails here, with every problem named
                FunctionEnvironment.resolve(f, overrides, Path.of("/tmp"));
                functions.computeIfAbsent(name, n -> {
                    LocalFunction lf = new LocalFunction(f, settings);
                    running.add(lf);
                    return lf;
                });
            }
            for (Map.Entry<String, Integer> h : http.entrySet()) {
                HttpApiFront front = new HttpApiFront(functions.get(h.getKey()), "127.0.0.1", h.getValue());
                running.add(front);
                System.out.println("HTTP API -> " + h.getKey() + " at http://127.0.0.1:" + front.port()
                        + " (log: " + functions.get(h.getKey()).log() + ")");
            }
            for (Map.Entry<String, Integer> s : schedules.entrySet()) {
                running.add(new ScheduleTrigger(functions.get(s.getKey()), s.getKey() + "-local-schedule", s.getValue()));
                System.out.println("Scheduled Event every " + s.getValue() + " s -> " + s.getKey()
                        + " (log: " + functions.get(s.getKey()).log() + ")");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("lambda-stack: " + e.getMessage());
            System.exit(2);
        }
        Thread.currentThread().join();
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void put(Map<String, Integer> target, String kv, String option) {
        int eq = kv.indexOf('=');
        try {
            target.put(kv.substring(0, eq), Integer.parseInt(kv.substring(eq + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " " + kv + ": expected FUNCTION=NUMBER");
        }
    }

    private static void putPair(Map<String, String> target, String kv, String option) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " " + kv + ": expected NAME=VALUE");
        }
        target.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static void closeAll(List<AutoCloseable> running) {
        for (AutoCloseable c : running.reversed()) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }
}
