package io.edgeledger.probe.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.probe.agent.check.Check;
import io.edgeledger.probe.agent.check.CheckCatalog;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.checks.networkpath.NetworkPathCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).getParent().resolve("samples/probe");

    @TempDir
    Path dir;

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private AgentConfig load() throws ConfigException {
        return ConfigLoader.load(dir, BuiltInChecks.NAMES);
    }

    private static CheckCatalog catalog() {
        return BuiltInChecks.catalog(p -> { throw new AssertionError("not traced in config tests"); },
                Path.of("/tmp"), x -> {});
    }

    @Test
    void theSampleDirectoryLoadsWithAllThreeChecks() throws Exception {
        AgentConfig c = ConfigLoader.load(SAMPLES, BuiltInChecks.NAMES);
        assertThat(c.probeId()).isEqualTo("probe-sample-1");
        assertThat(c.dogstatsdPort()).isEqualTo(8125);
        assertThat(c.dogstatsdBind()).isEqualTo("127.0.0.1");
        assertThat(c.tags()).containsExactly("env:dev", "team:netops");
        assertThat(c.secretFile()).isEqualTo(SAMPLES.resolve("secret").normalize());
        assertThat(c.checks()).extracting(CheckConfig::name).containsExactly("devlog", "network_path", "system");
        CheckCatalog.Loaded loaded = catalog().load(c.checks());
        assertThat(loaded.disabled()).isEmpty();
        assertThat(loaded.checks()).hasSize(3);
        Check np = loaded.checks().stream().filter(x -> x.name().equals("network_path")).findFirst().orElseThrow();
        assertThat(np.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(((NetworkPathCheck) np).params().timeoutMillis()).isEqualTo(1000);
        assertThat(((NetworkPathCheck) np).params().maxTtl()).isEqualTo(30);
    }

    @Test
    void defaultsAreDatadogs() throws Exception {
        write("edge-probe.yaml", "hostname: h\n");
        write("conf.d/network_path.d/conf.yaml", "instances:\n  - hostname: 198.18.0.1\n");
        write("conf.d/system.d/conf.yaml", "init_config:\ninstances:\n  - {}\n");
        AgentConfig c = load();
        assertThat(c.dogstatsdPort()).isEqualTo(8125);
        assertThat(c.healthPort()).isEqualTo(5002);
        assertThat(c.checkRunners()).isEqualTo(4);
        CheckCatalog.Loaded loaded = catalog().load(c.checks());
        Check np = loaded.checks().get(0);
        assertThat(np.interval()).isEqualTo(Duration.ofSeconds(60));
        NetworkPathCheck n = (NetworkPathCheck) np;
        assertThat(n.params().maxTtl()).isEqualTo(30);
        assertThat(n.params().timeoutMillis()).isEqualTo(1000);
        assertThat(n.params().protocol().wireName()).isEqualTo("udp");
        assertThat(loaded.checks().get(1).interval()).as("system: Datadog's 15 s").isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aYamlSyntaxErrorNamesFileAndLine() throws Exception {
        write("edge-probe.yaml", "hostname: h\ntags: [a, b\nprobe_id: x\n");
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.file()).isEqualTo(dir.resolve("edge-probe.yaml"));
                    assertThat(c.line()).isBetween(2, 4);
                })
                .hasMessageContaining("edge-probe.yaml:").hasMessageContaining("invalid YAML");
    }

    @Test
    void aWrongValueNamesFileLineAndDottedField() throws Exception {
        write("edge-probe.yaml", "hostname: h\ndogstatsd:\n  bind: 127.0.0.1\n  port: eighty\n");
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("edge-probe.yaml") + ":4: dogstatsd.port: must be an integer between 0 and 65535, got \"eighty\"");
    }

    @Test
    void anUnknownSettingIsRefusedNotIgnored() throws Exception {
        write("edge-probe.yaml", "hostname: h\nbakend_url: https://x\n");
        assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
                .hasMessageContaining(":2: bakend_url: unknown setting");
    }

    @Test
    void backendNeedsProbeIdAndSecret() throws Exception {
        write("edge-probe.yaml", "backend_url: https://api.example.com\nsecret_file: s\n");
        assertThatThrownBy(this::load).hasMessageContaining("probe_id: is required when backend_url is set");
    }

    @Test
    void checkFilesWithoutInstancesOrForUnknownChecksAreRefused() throws Exception {
        write("edge-probe.yaml", "hostname: h\n");
        write("conf.d/system.d/conf.yaml", "init_config:\n");
        assertThatThrownBy(this::load).hasMessageContaining("system.d/conf.yaml").hasMessageContaining("instances: is required");
        Files.writeString(dir.resolve("conf.d/system.d/conf.yaml"), "instances: {a: 1}\n");
        assertThatThrownBy(this::load).hasMessageContaining("conf.yaml:1: instances: must be a list");
        Files.delete(dir.resolve("conf.d/system.d/conf.yaml"));
        write("conf.d/sytsem.d/conf.yaml", "instances:\n  - {}\n");
        assertThatThrownBy(this::load).hasMessageContaining("no check named 'sytsem'");
    }

    @Test
    void exampleFilesAreIgnored() throws Exception {
        write("edge-probe.yaml", "hostname: h\n");
        write("conf.d/system.d/conf.yaml.example", "this: [is not even yaml\n");
        assertThat(load().checks()).isEmpty();
    }

    @Test
    void aBadInstanceDisablesOnlyItselfNamingFileLineAndField() throws Exception {
        write("edge-probe.yaml", "hostname: h\n");
        write("conf.d/network_path.d/conf.yaml", """
                init_config:
                instances:
                  - hostname: 198.18.0.1
                  - hostname: 198.18.0.2
                    port: 70000
                  - port: 80
                  - hostname: 198.18.0.3
                    protocol: sctp
                """);
        CheckCatalog.Loaded loaded = catalog().load(load().checks());
        assertThat(loaded.checks()).hasSize(1);
        assertThat(loaded.disabled()).hasSize(3);
        Path file = dir.resolve("conf.d/network_path.d/conf.yaml");
        assertThat(loaded.disabled().get(0).reason())
                .isEqualTo(file + ":5: instances[1].port: must be between 1 and 65535, got 70000");
        assertThat(loaded.disabled().get(1).reason()).isEqualTo(file + ":6: instances[2].hostname: is required");
        assertThat(loaded.disabled().get(2).reason()).startsWith(file + ":8: instances[3].protocol: must be udp, tcp or icmp");
    }

    @Test
    void checkIdsAreStableAndDependOnTheConfig() throws Exception {
        write("edge-probe.yaml", "hostname: h\n");
        write("conf.d/network_path.d/conf.yaml",
                "instances:\n  - {hostname: a, port: 1}\n  - {port: 1, hostname: a}\n  - {hostname: b}\n");
        CheckCatalog.Loaded loaded = catalog().load(load().checks());
        assertThat(loaded.checks().get(0).id()).isEqualTo(loaded.checks().get(1).id()).startsWith("network_path:");
        assertThat(loaded.checks().get(0).id()).isNotEqualTo(loaded.checks().get(2).id());
        assertThat(catalog().load(load().checks()).checks().get(0).id()).isEqualTo(loaded.checks().get(0).id());
    }
}
