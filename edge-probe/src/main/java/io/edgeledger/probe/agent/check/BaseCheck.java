package io.edgeledger.probe.agent.check;

import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The settings every instance shares, as in Datadog: {@code min_collection_interval} (seconds, default 15),
 * {@code tags}; plus ours, {@code run_timeout} (seconds, default: the interval). Subclasses read the rest.
 */
public abstract class BaseCheck implements Check {
    public static final long DEFAULT_INTERVAL_SECONDS = 15;

    private final String name;
    private String id;
    private Duration interval;
    private Duration timeout;
    private List<String> tags = List.of();
    private final List<String> configWarnings = new CopyOnWriteArrayList<>();
    private final List<String> runWarnings = new CopyOnWriteArrayList<>();
    protected volatile boolean cancelled;

    protected BaseCheck(String name) {
        this.name = name;
    }

    /** The interval when the instance does not set one. */
    protected long defaultIntervalSeconds() {
        return DEFAULT_INTERVAL_SECONDS;
    }

    @Override
    public final void configure(ConfigNode initConfig, ConfigNode instance) throws ConfigException {
        long seconds = instance.integer("min_collection_interval",
                initConfig.integer("min_collection_interval", defaultIntervalSeconds(), 1, 86_400), 1, 86_400);
        interval = Duration.ofSeconds(seconds);
        timeout = Duration.ofSeconds(instance.integer("run_timeout", seconds, 1, 86_400));
        tags = List.copyOf(instance.stringList("tags"));
        id = CheckIds.of(name, initConfig, instance);
        configureInstance(initConfig, instance);
    }

    protected abstract void configureInstance(ConfigNode initConfig, ConfigNode instance) throws ConfigException;

    @Override
    public final void run(Sender sender) throws Exception {
        cancelled = false;
        runWarnings.clear();
        collect(sender);
    }

    protected abstract void collect(Sender sender) throws Exception;

    @Override
    public void cancel() {
        cancelled = true;
    }

    protected void warn(String message) {
        runWarnings.add(message);
    }

    protected void configWarning(String message) {
        configWarnings.add(message);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public List<String> tags() {
        return tags;
    }

    @Override
    public List<String> warnings() {
        List<String> all = new java.util.ArrayList<>(configWarnings);
        all.addAll(runWarnings);
        return all;
    }
}
