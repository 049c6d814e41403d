package io.edgeledger.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A custom runtime's training run at build time (the JVM's AOT cache, JEP 483/514, records what a real start loads):
 * the staged package's {@code bootstrap} started exactly as Lambda and this emulator start it, the given HTTP API
 * events answered through the Runtime API, then SIGTERM and time to exit, as the JVM writes its cache while exiting.
 * An event that fails (the runtime reports an error, or dies) fails the run: a package that cannot answer is not built.
 * <pre>
 * TrainingRun --task-root DIR --handler HANDLER --sandbox DIR [--memory MB] [--set NAME=VALUE]... [--http "METHOD PATH"]...
 * </pre>
 * {@code --set} values are the environment as given (no template here); one line per event on stdout.
 */
public final class TrainingRun {
    private static final long EXIT_GRACE_MILLIS = 10 * 60_000;

    private TrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String[]> requests = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--set" -> env.put(value.substring(0, Math.max(0, value.indexOf('='))), value.substring(value.indexOf('=') + 1));
                case "--http" -> requests.add(value.split(" ", 2));
                case "--task-root", "--handler", "--sandbox", "--memory" -> opts.put(args[i], value);
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        Path taskRoot = Path.of(required(opts, "--task-root")).toAbsolutePath();
        Path sandbox = Files.createDirectories(Path.of(required(opts, "--sandbox")).toAbsolutePath());
        TemplateFunction function = new TemplateFunction("training", "Training", "build", required(opts, "--handler"),
                "provided.al2023", Integer.parseInt(opts.getOrDefault("--memory", "1024")), 60, "Text", Optional.empty(), false,
                new ObjectMapper().createObjectNode(), null, Map.of());
        Path log = sandbox.resolve("training.log");
        ExecutionEnvironment runtime = ExecutionEnvironment.start(function, taskRoot, sandbox,
                LambdaRuntime.of(function, null, sandbox), Map.of(), env, log, "on-demand", 300_000);
        boolean failed = false;
        try {
            for (String[] r : requests) {
                String path = r[1].contains("?") ? r[1].substring(0, r[1].indexOf('?')) : r[1];
                String query = r[1].contains("?") ? r[1].substring(r[1].indexOf('?') + 1) : null;
                InvocationResult result = runtime.invoke(HttpApiEvents.event(new HttpApiEvents.Request(r[0], path, query,
                        Map.of("accept", List.of("application/json")), new byte[0], "127.0.0.1", null), "training"));
                String status = result.ok() ? Integer.toString(HttpApiEvents.response(result).status()) : result.errorType();
                System.out.println("training: " + r[0] + " " + r[1] + " -> " + status);
                if (!result.ok()) {
                    System.err.println("training: " + new String(result.payload(), StandardCharsets.UTF_8) + " (log: " + log + ")");
                    failed = true;
                }
            }
        } finally {
            runtime.shutdown(EXIT_GRACE_MILLIS);
        }
        System.exit(failed ? 1 : 0);
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            usage(name + " is required");
        }
        return v;
    }

    private static void usage(String problem) {
        System.err.println("training-run: " + problem + " (usage: TrainingRun --task-root DIR --handler H --sandbox DIR "
                + "[--memory MB] [--set NAME=VALUE]... [--http \"METHOD PATH\"]...)");
        System.exit(2);
    }
}
