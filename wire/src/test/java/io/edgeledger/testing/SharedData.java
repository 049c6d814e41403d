package io.edgeledger.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (vectors, samples, fixtures) for tests; Maven passes it as a system property. */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String configured = System.getProperty("edgeledger.shared");
        Path path = configured != null ? Path.of(configured) : Path.of("../../../shared");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("shared test data not found at " + path.toAbsolutePath()
                    + ": check out ../shared beside the repository or set -Dedgeledger.shared=DIR");
        }
        return path.normalize();
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
