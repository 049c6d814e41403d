package io.edgeledger.local.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One Lambda execution environment: the function's own process (the managed runtime's JVM, or a custom runtime's
 * bootstrap), started with the task root (the unpacked zip) as working directory, a private /tmp, and an environment made only of Lambda's
 * reserved variables, the template's variables and the local endpoint settings. It answers one event at a time;
 * an event that outlives the function's timeout ends the environment (as Lambda does), and so does a crash.
 */
final class ExecutionEnvironment implements AutoCloseable {
    private final TemplateFunction function;
    private final RuntimeApiServer api;
    private final Process process;
    private final Path tmp;
    /** nanoTime just before the JVM was launched: cold start figures count from here. */
    final long startedNanos;
    volatile long initDoneNanos;
    volatile long firstAnswerNanos;
    /** CPU time (user + system) of the process when it first answered, -1 if the OS does not say: less load-bound than wall time. */
    volatile long firstAnswerCpuNanos = -1;

    private ExecutionEnvironment(TemplateFunction function, RuntimeApiServer api, Process process, Path tmp, long startedNanos) {
        this.startedNanos = startedNanos;
        this.function = function;
        this.api = api;
        this.process = process;
        this.tmp = tmp;
        process.onExit().thenRun(() -> api.failPending("Runtime.ExitError",
                "RequestId: the function's runtime exited with status " + process.exitValue()));
    }

    /**
     * Starts the JVM and waits until its runtime asks for the first event (init done) or reports an init error.
     *
     * @param initType on-demand, or snap-start to run the SnapStart hooks (priming) before the first event
     */
    static ExecutionEnvironment start(TemplateFunction function, Path taskRoot, Path sandbox, LambdaRuntime runtime,
                                      Map<String, String> overrides, Map<String, String> bridges, Path log, String initType, long initTimeoutMs)
            throws IOException {
        List<String> command = runtime.command(function, taskRoot); // a custom runtime without a usable bootstrap fails here
        Files.createDirectories(sandbox);
        Path tmp = Files.createTempDirectory(sandbox, "tmp-");
        Map<String, String> env = new java.util.LinkedHashMap<>();
        RuntimeApiServer api = new RuntimeApiServer("arn:aws:lambda:" + CloudAssembly.LOCAL_REGION + ":"
                + CloudAssembly.LOCAL_ACCOUNT + ":function:" + function.name());
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("_HANDLER", function.handler());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(runtime.environment(function));
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initType);
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", tmp.getFileName().toString());
        env.put("AWS_LAMBDA_LOG_FORMAT", function.logFormat().equals("JSON") ? "JSON" : "TEXT");
        env.put("AWS_REGION", CloudAssembly.LOCAL_REGION);
        env.put("AWS_DEFAULT_REGION", CloudAssembly.LOCAL_REGION);
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.putAll(FunctionEnvironment.resolve(function, overrides, tmp));
        env.putAll(bridges);

        ProcessBuilder pb = new ProcessBuilder(command).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        long launch = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            api.close();
            throw new FunctionStartException(function.name() + ": Runtime.InvalidEntrypoint: cannot start " + command.get(0) + ": " + e.getMessage());
        }
        ExecutionEnvironment environment = new ExecutionEnvironment(function, api, process, tmp, launch);
        environment.awaitInit(initTimeoutMs, log);
        return environment;
    }

    private void awaitInit(long timeoutMs, Path log) {
        String error;
        try {
            error = api.initOutcome.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            error = "init did not finish within " + timeoutMs + " ms";
        } catch (ExecutionException | InterruptedException e) {
            error = e.toString();
        }
        if (error == null && !process.isAlive()) {
            error = "the runtime exited with status " + process.exitValue();
        }
        if (error != null) {
            close();
            throw new FunctionStartException(function.name() + ": " + error + " (log: " + log + ")");
        }
        initDoneNanos = System.nanoTime();
    }

    /** Hands the event to the runtime and waits for its answer until the function's deadline. */
    InvocationResult invoke(byte[] payload) {
        long timeoutMs = function.timeoutSeconds() * 1000L;
        Invocation invocation = new Invocation(payload, System.currentTimeMillis() + timeoutMs);
        api.submit(invocation);
        try {
            InvocationResult result = invocation.result().get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
            if (firstAnswerNanos == 0) {
                firstAnswerNanos = System.nanoTime();
                firstAnswerCpuNanos = process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
            }
            return result;
        } catch (TimeoutException e) {
            close();
            return InvocationResult.failure(invocation.requestId(), "Sandbox.Timedout",
                    "Task timed out after " + function.timeoutSeconds() + ".00 seconds");
        } catch (ExecutionException | InterruptedException e) {
            close();
            return InvocationResult.failure(invocation.requestId(), "Runtime.Unknown", e.toString());
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** When the runtime asked for SnapStart's restore (after the beforeCheckpoint hooks), in nanoTime; 0 if never. */
    long restoreNanos() {
        return api.restoreNextAtNanos;
    }

    @Override
    public void close() {
        shutdown(5_000);
    }

    /**
     * SIGTERM, then up to {@code graceMillis} for the runtime to exit (a JVM writing its AOT cache at exit needs
     * seconds), then SIGKILL; what it had not answered fails.
     */
    void shutdown(long graceMillis) {
        process.destroy();
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.failPending("Runtime.ExitError", "the execution environment was shut down");
        api.close();
        deleteTree(tmp);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder under the sandbox is harmless
        }
    }
}
