package io.edgeledger.probe.agent.checks;

import io.edgeledger.probe.agent.check.CheckCatalog;
import io.edgeledger.probe.agent.checks.devlog.DevlogCheck;
import io.edgeledger.probe.agent.checks.networkpath.NetworkPathCheck;
import io.edgeledger.probe.agent.checks.networkpath.PathTracer;
import io.edgeledger.probe.agent.checks.system.SystemCheck;
import io.edgeledger.wire.IngestPayload;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The checks shipped with the probe: {@code system}, {@code network_path}, {@code devlog}. */
public final class BuiltInChecks {
    public static final java.util.Set<String> NAMES =
            java.util.Set.of(SystemCheck.NAME, NetworkPathCheck.NAME, DevlogCheck.NAME);

    private BuiltInChecks() {}

    public static CheckCatalog catalog(PathTracer tracer, Path stateRoot, Consumer<IngestPayload> asyncPayloads) {
        return new CheckCatalog()
                .register(SystemCheck.NAME, SystemCheck::new)
                .register(NetworkPathCheck.NAME, () -> new NetworkPathCheck(tracer))
                .register(DevlogCheck.NAME, () -> new DevlogCheck(stateRoot, asyncPayloads));
    }
}
