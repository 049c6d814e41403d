package io.edgeledger.probe.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.probe.agent.checks.BuiltInChecks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enrollment.yaml (written by edge-probe enroll) over edge-probe.yaml, and the config the package ships. */
class EnrollmentConfigTest {
    static final Path PACKAGED = Path.of(System.getProperty("user.dir")).resolve("packaging/etc");

    @TempDir
    Path dir;

    @Test
    void thePackagedDefaultConfigLoadsWithoutABackendUntilEnrolled() throws Exception {
        AgentConfig c = ConfigLoader.load(PACKAGED, BuiltInChecks.NAMES);
        assertThat(c.backendUrl()).isNull();
        assertThat(c.probeId()).isNull();
        assertThat(c.spoolDir()).isEqualTo(Path.of("/var/lib/edge-probe"));
        assertThat(c.checks()).extracting(CheckConfig::name).containsExactly("system");
    }

    @Test
    void enrollmentValuesWinOverTheMainFile() throws Exception {
        Files.writeString(dir.resolve("edge-probe.yaml"), "backend_url: https://old.example\nprobe_id: p-old\nsecret_file: old\nhostname: h\n");
        Files.writeString(dir.resolve("enrollment.yaml"), "backend_url: https://api.example\nprobe_id: p-new\nsecret_file: secret\n");
        AgentConfig c = ConfigLoader.load(dir, BuiltInChecks.NAMES);
        assertThat(c.backendUrl()).isEqualTo(URI.create("https://api.example"));
        assertThat(c.probeId()).isEqualTo("p-new");
        assertThat(c.secretFile()).isEqualTo(dir.resolve("secret"));
        assertThat(c.hostname()).isEqualTo("h");
    }

    @Test
    void anUnknownKeyInTheEnrollmentFileIsNamedWithItsFile() throws Exception {
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h\n");
        Files.writeString(dir.resolve("enrollment.yaml"), "probe_id: p\nspool_dir: /tmp\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, BuiltInChecks.NAMES))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enrollment.yaml").hasMessageContaining("spool_dir");
    }
}
