package io.edgeledger.cdc.config;

import io.edgeledger.local.secrets.LocalSecretsManager;
import io.edgeledger.testing.AwsSdkEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One local Secrets Manager for every test of this JVM: the functions' Secrets client is process-wide (as in a Lambda
 * container), so it keeps the endpoint of the first test that used it; every test puts its secrets here.
 */
final class TestSecretsManager {
    private static LocalSecretsManager sm;

    private TestSecretsManager() {}

    static synchronized LocalSecretsManager get() {
        if (sm == null) {
            try {
                sm = LocalSecretsManager.start(0, "us-east-1", "AKIDCDC", "cdc-test-secret");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AwsSdkEndpoints.secretsManager(sm.endpoint(), "us-east-1", "AKIDCDC", "cdc-test-secret");
            Runtime.getRuntime().addShutdownHook(new Thread(sm::close));
        }
        return sm;
    }
}
