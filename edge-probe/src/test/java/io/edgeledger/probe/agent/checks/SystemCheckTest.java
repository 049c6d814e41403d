package io.edgeledger.probe.agent.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.agent.runtime.OneShot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCheckTest {
    @TempDir
    Path dir;

    @Test
    void readsThisMachinesProcfsTwiceForCpuAndNetworkRates() throws Exception {
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h1\n");
        Files.createDirectories(dir.resolve("conf.d/system.d"));
        Files.writeString(dir.resolve("conf.d/system.d/conf.yaml"), "instances:\n  - tags: [role:test]\n");
        AgentConfig cfg = ConfigLoader.load(dir, BuiltInChecks.NAMES);
        JsonNode out = new OneShot(cfg, p -> null, Clock.systemUTC()).run(cfg.checks().get(0), 2);
        assertThat(out.path("ok").asBoolean()).as(out.toPrettyString()).isTrue();
        Set<String> names = new HashSet<>();
        for (JsonNode s : out.path("instances").get(0).path("series")) {
            names.add(s.path("metric").asText());
            assertThat(s.path("tags").toString()).contains("role:test");
            double v = s.path("points").get(0).get(1).asDouble();
            assertThat(v).as(s.path("metric").asText()).isFinite().isGreaterThanOrEqualTo(0);
            if (s.path("metric").asText().startsWith("system.cpu.")) {
                assertThat(v).isLessThanOrEqualTo(100.0);
            }
        }
        assertThat(names).contains("system.cpu.user", "system.cpu.idle", "system.load.1", "system.load.norm.5",
                "system.mem.total", "system.mem.usable", "system.mem.pct_usable", "system.disk.in_use");
    }
}
