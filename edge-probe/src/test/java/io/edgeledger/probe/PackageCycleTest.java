package io.edgeledger.probe;

import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/**
 * No package of edge-probe depends, directly or through others, on a package that depends back on it:
 * one slice per package (the root package included), read from the compiled classes.
 */
class PackageCycleTest {
    @Test
    void noPackageCycles() {
        PackageCycles.assertNone(EdgeProbe.class);
    }
}
