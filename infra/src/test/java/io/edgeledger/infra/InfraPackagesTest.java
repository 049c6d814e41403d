package io.edgeledger.infra;

import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** No package cycle among infra's compiled classes (one slice per package). */
class InfraPackagesTest {
    @Test
    void noPackageCycles() {
        PackageCycles.assertNone(EdgeLedgerApp.class);
    }
}
