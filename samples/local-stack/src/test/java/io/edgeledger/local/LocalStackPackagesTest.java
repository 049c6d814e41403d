package io.edgeledger.local;

import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** No package cycle among the local stack's compiled classes (one slice per package). */
class LocalStackPackagesTest {
    @Test
    void noPackageCycles() {
        PackageCycles.assertNone(LocalS3Server.class);
    }
}
