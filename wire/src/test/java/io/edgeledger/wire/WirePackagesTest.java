package io.edgeledger.wire;

import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class WirePackagesTest {
    @Test
    void noPackageCycles() {
        PackageCycles.assertNone(TracerouteSpec.class);
    }
}
