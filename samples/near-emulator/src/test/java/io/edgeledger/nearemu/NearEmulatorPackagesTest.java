package io.edgeledger.nearemu;

import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** No package cycle among the emulator's compiled classes (one slice per package). */
class NearEmulatorPackagesTest {
    @Test
    void noPackageCycles() {
        PackageCycles.assertNone(NearEmulator.class);
    }
}
