package io.edgeledger.probe.agent.check;

import io.edgeledger.probe.agent.config.CheckConfig;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The checks this probe knows, by name, and the loading of configured instances: an instance whose configuration is
 * wrong is left out and reported as a {@link DisabledInstance}, the others still run.
 */
public final class CheckCatalog {
    /** An instance that could not be configured, with the reason (file, line, field). */
    public record DisabledInstance(String check, String instancePath, String reason) {}

    public record Loaded(List<Check> checks, List<DisabledInstance> disabled) {}

    private final Map<String, Supplier<Check>> factories = new LinkedHashMap<>();

    public CheckCatalog register(String name, Supplier<Check> factory) {
        factories.put(name, factory);
        return this;
    }

    public Set<String> names() {
        return factories.keySet();
    }

    public Loaded load(List<CheckConfig> configs) {
        List<Check> checks = new ArrayList<>();
        List<DisabledInstance> disabled = new ArrayList<>();
        for (CheckConfig config : configs) {
            Supplier<Check> factory = factories.get(config.name());
            if (factory == null) {
                disabled.add(new DisabledInstance(config.name(), config.file().toString(), "no such check"));
                continue;
            }
            for (ConfigNode instance : config.instances()) {
                Check check = factory.get();
                try {
                    check.configure(config.initConfig(), instance);
                    checks.add(check);
                } catch (ConfigException e) {
                    disabled.add(new DisabledInstance(config.name(), instance.path(), e.getMessage()));
                } catch (RuntimeException e) {
                    disabled.add(new DisabledInstance(config.name(), instance.path(),
                            config.file() + ":" + instance.line() + ": " + e.getMessage()));
                }
            }
        }
        return new Loaded(checks, disabled);
    }
}
