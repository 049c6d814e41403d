package io.edgeledger.api.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The priming initializes the classes the build listed when SnapStart's hook runs; a name that does not load is skipped. */
class SnapStartPrimingTest {
    /** Counts its own initializations: the test sees whether the priming initialized it. */
    public static final AtomicInteger INITIALIZED = new AtomicInteger();

    public static final class Listed {
        static {
            INITIALIZED.incrementAndGet();
        }
    }

    @Test
    void theHookLoadsAndInitializesEveryListedClassAndSkipsUnknownOnes(@TempDir Path dir) throws Exception {
        Path list = dir.resolve(SnapStartPriming.CLASS_LIST);
        Files.createDirectories(list.getParent());
        Files.writeString(list, Listed.class.getName() + "\n\nio.edgeledger.api.NoSuchClass\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(INITIALIZED.get()).as("naming a class does not initialize it").isZero();
            assertThat(SnapStartPriming.preload(loader)).isEqualTo(1);
            assertThat(INITIALIZED.get()).isEqualTo(1);
        }
    }
}
