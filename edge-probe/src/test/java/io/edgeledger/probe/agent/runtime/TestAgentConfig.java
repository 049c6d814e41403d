package io.edgeledger.probe.agent.runtime;

import io.edgeledger.probe.forwarder.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The edge-probe.yaml (and secret) the agent tests share: probe-1 against a TestIngestServer, plus test lines. */
public final class TestAgentConfig {
    private TestAgentConfig() {}

    public static void write(Path dir, URI backend, TestCertificates certs, String hostname, String more) throws IOException {
        Files.writeString(dir.resolve("secret"), "s3cret\n");
        Files.writeString(dir.resolve("edge-probe.yaml"), """
                backend_url: %s
                probe_id: probe-1
                secret_file: secret
                ca_bundle: %s
                hostname: %s
                spool_dir: spool
                """.formatted(backend, certs.caPem(), hostname) + more);
    }
}
