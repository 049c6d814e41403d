package io.edgeledger.probe.agent.custom;

import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.check.CheckCatalog;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Checks of one's own: every {@code *.jar} in {@code checks.d/} (beside edge-probe.yaml) gets its own class loader
 * (parent: the probe's, so the {@code Check} API is shared and nothing else of another jar is visible) and is asked
 * through {@link ServiceLoader} for its {@link Check} implementations ({@code META-INF/services/
 * io.edgeledger.probe.agent.check.Check}). Each is configured by {@code conf.d/<name>.d/conf.yaml} like a built-in
 * and runs wrapped in an {@link IsolatedCheck}. A jar that cannot be read, lists a class that cannot be made, or
 * reuses a taken name is left out and reported in {@code problems}; the agent still starts.
 */
public final class CustomChecks {
    public static final String DIRECTORY = "checks.d";

    /** One provider from one jar. */
    private record Found(String name, String jar, ClassLoader loader, ServiceLoader.Provider<Check> provider) {}

    private final Map<String, Found> byName = new LinkedHashMap<>();
    private final List<String> jars = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private CustomChecks() {}

    public static CustomChecks none() {
        return new CustomChecks();
    }

    /** Scans {@code dir} (absent: none); {@code taken} are the built-in names a custom check may not reuse. */
    public static CustomChecks discover(Path dir, Set<String> taken) {
        CustomChecks out = new CustomChecks();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> jarFiles;
        try (Stream<Path> s = Files.list(dir)) {
            jarFiles = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            out.problems.add(dir + ": cannot list: " + e.getMessage());
            return out;
        }
        for (Path jar : jarFiles) {
            out.load(jar, taken);
        }
        return out;
    }

    private void load(Path jar, Set<String> taken) {
        String jarName = jar.getFileName().toString();
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("check:" + jarName, new URL[] {jar.toUri().toURL()},
                    CustomChecks.class.getClassLoader());
        } catch (MalformedURLException e) {
            problems.add(jarName + ": " + e.getMessage());
            return;
        }
        int found = 0;
        try {
            for (ServiceLoader.Provider<Check> provider : ServiceLoader.load(Check.class, loader).stream().toList()) {
                if (provider.type().getClassLoader() != loader) {
                    continue; // a class the probe itself provides, seen through the parent
                }
                String name = IsolatedCheck.nameOf(provider, loader);
                if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
                    problems.add(jarName + ": " + provider.type().getName()
                            + " has no valid name() (lower-case letters, digits, '_'): left out");
                } else if (taken.contains(name) || byName.containsKey(name)) {
                    problems.add(jarName + ": check name '" + name + "' is already taken: left out");
                } else {
                    byName.put(name, new Found(name, jarName, loader, provider));
                    found++;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            problems.add(jarName + ": " + e.getMessage());
        }
        if (found == 0) {
            problems.add(jarName + ": no usable check (META-INF/services/" + Check.class.getName() + ")");
        }
        jars.add(jarName);
    }

    /** Built-in names plus these: what conf.d may configure. */
    public Set<String> namesWith(Set<String> builtIns) {
        Set<String> all = new TreeSet<>(builtIns);
        all.addAll(byName.keySet());
        return all;
    }

    public void registerIn(CheckCatalog catalog) {
        for (Found f : byName.values()) {
            Supplier<Check> factory = () -> new IsolatedCheck(f.name(), f.jar(), f.loader(), f.provider());
            catalog.register(f.name(), factory);
        }
    }

    public List<String> jars() {
        return List.copyOf(jars);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
