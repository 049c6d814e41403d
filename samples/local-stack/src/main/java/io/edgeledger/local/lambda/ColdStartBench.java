package io.edgeledger.local.lambda;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/lambda: a function's cold start under the runtime loop, process start to first answered event, {@code runs}
 * times, each in a fresh execution environment (a new JVM). With {@code --snapstart} the runtime runs SnapStart's
 * hooks (Quarkus' priming) before the first event and the restore-to-first-answer time is printed too; there is no
 * real snapshot here, so that figure shows what priming leaves for the first event, not Lambda's restore time.
 * <pre>
 * ColdStartBench --cdk-out DIR --runtime-lib DIR --sandbox DIR --function NAME --event http|scheduled
 *     [--runs N] [--snapstart] [--set NAME=VALUE]... [--bridge NAME=VALUE]...
 * </pre>
 * One line per run: {@code function=... runtime=... mode=... init_ms=... first_answer_ms=... restore_to_answer_ms=...
 * cpu_ms=... ok=...} (cpu_ms: the function process's CPU time at its first answer, which a loaded machine inflates
 * less than the wall time).
 */
public final class ColdStartBench {
    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> bridges = new LinkedHashMap<>();
        boolean snapStart = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--snapstart" -> snapStart = true;
                case "--set", "--bridge" -> {
                    String kv = args[++i];
                    (args[i - 1].equals("--set") ? overrides : bridges).put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
                default -> opts.put(args[i], args[++i]);
            }
        }
        CloudAssembly assembly = CloudAssembly.read(Path.of(opts.get("--cdk-out")));
        TemplateFunction function = assembly.function(opts.get("--function"));
        LocalFunctionSettings settings = new LocalFunctionSettings(Path.of(opts.get("--sandbox")).toAbsolutePath(),
                Path.of(opts.get("--runtime-lib")).toAbsolutePath(), overrides, bridges, snapStart, 1, 300_000);
        int runs = Integer.parseInt(opts.getOrDefault("--runs", "3"));
        boolean http = opts.getOrDefault("--event", "http").equals("http");
        int failures = 0;
        for (int run = 1; run <= runs; run++) {
            try (LocalFunction fn = new LocalFunction(function, settings)) {
                byte[] event = http
                        ? HttpApiEvents.event(new HttpApiEvents.Request("GET", "/health", null,
                        Map.of("accept", List.of("application/json")), new byte[0], "127.0.0.1", null), "bench")
                        : ScheduledEvents.event(function.name() + "-bench", Instant.now());
                InvocationResult result = fn.invoke(event);
                boolean ok = result.ok() && (!http || HttpApiEvents.response(result).status() == 200);
                LocalFunction.ColdStart c = fn.coldStart();
                System.out.printf("function=%s runtime=%s mode=%s run=%d init_ms=%.0f first_answer_ms=%.0f restore_to_answer_ms=%s cpu_ms=%s ok=%s%n",
                        function.name(), function.runtime(), snapStart ? "snapstart-priming" : "on-demand", run, c.initNanos() / 1e6,
                        c.firstAnswerNanos() / 1e6,
                        c.restoreToFirstAnswerNanos() < 0 ? "-" : String.format("%.0f", c.restoreToFirstAnswerNanos() / 1e6),
                        c.firstAnswerCpuNanos() < 0 ? "-" : String.format("%.0f", c.firstAnswerCpuNanos() / 1e6), ok);
                if (!ok) {
                    failures++;
                    System.err.println(new String(result.payload(), StandardCharsets.UTF_8) + " (log: " + fn.log() + ")");
                }
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
