package io.edgeledger.probe.agent.custom;

import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.check.Sender;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A custom check behind a wall: its code runs with its jar's class loader as context class loader (so threads it
 * starts are recognisable), anything it throws, {@link Error}s included, becomes a failed run naming the jar, and
 * threads it leaves running are reported as a warning on every run. A run that never returns is cancelled by the
 * runner's timeout like any check's; it holds one runner slot, never the agent.
 */
final class IsolatedCheck implements Check {
    private final String name;
    private final String jar;
    private final ClassLoader loader;
    private final Check delegate;
    private volatile List<String> isolationWarnings = List.of();

    IsolatedCheck(String name, String jar, ClassLoader loader, ServiceLoader.Provider<Check> provider) {
        this.name = name;
        this.jar = jar;
        this.loader = loader;
        this.delegate = withLoader(loader, provider::get);
    }

    /** The provider's {@code name()}, or null when it cannot even be asked. */
    static String nameOf(ServiceLoader.Provider<Check> provider, ClassLoader loader) {
        try {
            return withLoader(loader, () -> provider.get().name());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static <T> T withLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public void configure(ConfigNode initConfig, ConfigNode instance) throws ConfigException {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            delegate.configure(initConfig, instance);
        } catch (ConfigException e) {
            throw e;
        } catch (Throwable e) { // a custom check's bug must not stop the agent from starting
            throw new IllegalStateException("custom check " + name + " (" + jar + ") failed to configure: " + describe(e));
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Override
    public void run(Sender sender) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            delegate.run(sender);
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            throw new CustomCheckException("custom check " + name + " (" + jar + ") threw " + describe(e));
        } finally {
            t.setContextClassLoader(before);
            isolationWarnings = leakedThreads();
        }
    }

    /** Live threads other than ours that inherited this jar's loader: started by its code and still running. */
    private List<String> leakedThreads() {
        List<String> leaked = new ArrayList<>();
        Thread self = Thread.currentThread();
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th != self && th.isAlive() && th.getContextClassLoader() == loader) {
                leaked.add(th.getName());
            }
        }
        // threads are known by their jar's loader: with several checks in one jar, the jar is what is named
        return leaked.isEmpty() ? List.of()
                : List.of(leaked.size() + " thread(s) started by " + jar + " still running after the run: "
                        + String.join(", ", leaked.subList(0, Math.min(5, leaked.size())))
                        + (leaked.size() > 5 ? ", ..." : ""));
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void cancel() {
        try {
            delegate.cancel();
        } catch (RuntimeException | LinkageError e) {
            // the runner interrupts the thread anyway
        }
    }

    @Override
    public Duration interval() {
        return delegate.interval();
    }

    @Override
    public Duration timeout() {
        return delegate.timeout();
    }

    @Override
    public List<String> tags() {
        return delegate.tags();
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        try {
            all.addAll(delegate.warnings());
        } catch (RuntimeException | LinkageError e) {
            all.add("custom check " + name + " (" + jar + ") warnings() threw " + describe(e));
        }
        all.addAll(isolationWarnings);
        return all;
    }

    /** A failed custom run, its message naming the check, the jar and what was thrown. */
    static final class CustomCheckException extends Exception {
        CustomCheckException(String message) {
            super(message);
        }
    }
}
