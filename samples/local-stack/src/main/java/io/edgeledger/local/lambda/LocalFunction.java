package io.edgeledger.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function of the template run here: its zip unpacked once as the task root, and as many execution environments
 * as events arrive at once, up to its reserved concurrency (or {@code maxConcurrency}). An idle environment is
 * reused (a warm start); a dead one (timeout, crash) is replaced by a cold start on the next event.
 */
public final class LocalFunction implements AutoCloseable {
    private final TemplateFunction function;
    private final Path taskRoot;
    private final Path sandbox;
    private final ManagedJavaRuntime runtime;
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
        if (!function.isManagedJava()) {
            throw new IllegalArgumentException(function.name() + " runs on " + function.runtime()
                    + " (a native build); the emulator runs the java21 zips (docs/deploy.md, 'Quarkus native')");
        }
        this.function = function;
        this.sandbox = settings.sandboxRoot().resolve(function.name());
        this.taskRoot = sandbox.resolve("task");
        this.runtime = ManagedJavaRuntime.at(settings.runtimeLib());
        this.overrides = Map.copyOf(settings.overrides());
        this.bridges = Map.copyOf(settings.bridges());
        this.log = settings.sandboxRoot().resolve(function.name() + ".log");
        this.initType = settings.snapStart() ? "snap-start" : "on-demand";
        this.maxConcurrency = function.reservedConcurrency().orElse(settings.maxConcurrency());
        this.initTimeoutMs = settings.initTimeoutMs();
        unpack(function.zip(), taskRoot);
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
                        env.restoreNanos() == 0 ? -1 : env.firstAnswerNanos - env.restoreNanos());
            }
        }
        return null;
    }

    /** Nanoseconds from the JVM's start to init done and to the first answer; from SnapStart's restore (-1: none). */
    public record ColdStart(long initNanos, long firstAnswerNanos, long restoreToFirstAnswerNanos) {
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

    private static void unpack(Path zip, Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            try (ZipFile zf = new ZipFile(zip.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zf.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    Path target = dir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("zip entry " + entry.getName() + " escapes the task root");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zf.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + dir, e);
        }
    }
}
