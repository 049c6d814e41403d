package io.edgeledger.cdc;

import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** Reads the compiled classes of functions/cdc and fails on any dependency cycle between its packages. */
class PackageCyclesTest {
    @Test
    void noPackageDependsOnItselfThroughOthers() {
        PackageCycles.assertNone(Step.class);
    }
}
