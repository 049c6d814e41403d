package io.edgeledger.local.lambda;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A function of the template run here: its zip unpacked once as the task root, and as many execution environments
 * as events arrive at once, up to its reserved concurrency (or {@code maxConcurrency}). An idle environment is
 * reused (a warm start); a dead one (timeout, crash) is replaced by a cold start on the next event.
 */
public final class LocalFunction implements AutoCloseable {
    private final TemplateFunction function;
    private final Path taskRoot;
    private final Path sandbox;
    private final LambdaRuntime runtime;
    private final Map<String, String> overrides;
    private final Map<String, String> bridges;
    private final Path log;
    private final String initType;
    private final int maxConcurrency;
    private final long initTimeoutMs;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();
    private boolean closed;

    /**
     * @param settings where and how: sandbox folder (task root, /tmp, log), runtime jars, overrides, SnapStart
     */
    public LocalFunction(TemplateFunction function, LocalFunctionSettings settings) {
        this.function = function;
        this.sandbox = settings.sandboxRoot().resolve(function.name());
        this.taskRoot = sandbox.resolve("task");
        this.runtime = LambdaRuntime.of(function, settings.runtimeLib(), sandbox);
        this.overrides = Map.copyOf(settings.overrides());
        this.bridges = Map.copyOf(settings.bridges());
        this.log = settings.sandboxRoot().resolve(function.name() + ".log");
        this.initType = settings.snapStart() ? "snap-start" : "on-demand";
        this.maxConcurrency = function.reservedConcurrency().orElse(settings.maxConcurrency());
        this.initTimeoutMs = settings.initTimeoutMs();
        FunctionZip.unpack(function.zip(), taskRoot);
    }

    public TemplateFunction definition() {
        return function;
    }

    public Path log() {
        return log;
    }

    /** Starts one environment ahead of the first event (Lambda's provisioned concurrency does this). */
    public void warm() throws IOException {
        synchronized (this) {
            all.add(null); // the slot, while the JVM starts
        }
        ExecutionEnvironment env = startEnvironment();
        synchronized (this) {
            idle.push(env);
        }
    }

    /** Runs one event: synchronous invocation semantics (the caller gets the result or the error). */
    public InvocationResult invoke(byte[] payload) throws IOException, InterruptedException {
        ExecutionEnvironment env = acquire();
        boolean healthy = false;
        try {
            InvocationResult result = env.invoke(payload);
            healthy = env.alive();
            return result;
        } finally {
            release(env, healthy);
        }
    }

    private ExecutionEnvironment acquire() throws IOException, InterruptedException {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException(function.name() + " is shut down");
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (all.size() < maxConcurrency) {
                    all.add(null); // the slot, while the JVM starts
                    break;
                }
                wait();
            }
        }
        try {
            return startEnvironment();
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                notifyAll();
            }
            throw e;
        }
    }

    /** Starts a JVM in a slot already reserved (a null in {@code all}). */
    private ExecutionEnvironment startEnvironment() throws IOException {
        try {
            ExecutionEnvironment env = ExecutionEnvironment.start(function, taskRoot, sandbox, runtime, overrides, bridges, log,
                    initType, initTimeoutMs);
            synchronized (this) {
                all.remove(null);
                all.add(env);
            }
            return env;
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                all.remove(null);
            }
            throw e;
        }
    }

    private synchronized void release(ExecutionEnvironment env, boolean healthy) {
        if (healthy && !closed) {
            idle.push(env);
        } else {
            all.remove(env);
            env.close();
        }
        notifyAll();
    }

    /** Start-up timings of the environment that answered first: for bench/lambda. */
    public synchronized ColdStart coldStart() {
        for (ExecutionEnvironment env : all) {
            if (env != null && env.firstAnswerNanos != 0) {
                return new ColdStart(env.initDoneNanos - env.startedNanos, env.firstAnswerNanos - env.startedNanos,
                        env.restoreNanos() == 0 ? -1 : env.firstAnswerNanos - env.restoreNanos(), env.firstAnswerCpuNanos);
            }
        }
        return null;
    }

    /**
     * Nanoseconds from the process's start to init done and to the first answer; from SnapStart's restore (-1: none);
     * the process's CPU time at the first answer (-1: unknown).
     */
    public record ColdStart(long initNanos, long firstAnswerNanos, long restoreToFirstAnswerNanos, long firstAnswerCpuNanos) {
    }

    @Override
    public void close() {
        List<ExecutionEnvironment> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        toClose.stream().filter(e -> e != null).forEach(ExecutionEnvironment::close);
    }
}
