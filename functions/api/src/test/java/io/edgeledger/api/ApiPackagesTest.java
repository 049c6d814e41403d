package io.edgeledger.api;

import io.edgeledger.api.errors.ApiError;
import io.edgeledger.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class ApiPackagesTest {
    @Test
    void noPackageCycles() {
        PackageCycles.assertNone(ApiError.class);
    }
}
