package io.edgeledger.probe.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeledger.probe.agent.checks.BuiltInChecks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The datadog: section: Datadog's names, key files instead of keys, refusals naming the field. */
class DatadogSectionTest {
    @TempDir
    Path dir;

    private AgentConfig load(String section) throws Exception {
        Files.writeString(dir.resolve("edge-probe.yaml"), "hostname: h\n" + section);
        return ConfigLoader.load(dir, BuiltInChecks.NAMES);
    }

    @Test
    void absentMeansDisabledAndASiteGivesItsApiHostAndAdditionalEndpointsOnePerKeyFile() throws Exception {
        assertThat(load("").datadog().enabled()).isFalse();
        Files.writeString(dir.resolve("a.key"), "k1");
        Files.writeString(dir.resolve("b.key"), "k2");
        Files.writeString(dir.resolve("c.key"), "k3");
        DatadogConfig dd = load("""
                datadog:
                  api_key_file: a.key
                  site: datadoghq.eu
                  additional_endpoints:
                    "https://api.datadoghq.com": [b.key, c.key]
                """).datadog();
        assertThat(dd.enabled()).isTrue();
        assertThat(dd.compression()).isEqualTo("gzip");
        assertThat(dd.endpoints()).containsExactly(
                new DatadogConfig.Endpoint(URI.create("https://api.datadoghq.eu"), dir.resolve("a.key")),
                new DatadogConfig.Endpoint(URI.create("https://api.datadoghq.com"), dir.resolve("b.key")),
                new DatadogConfig.Endpoint(URI.create("https://api.datadoghq.com"), dir.resolve("c.key")));
        assertThat(load("datadog: {api_key_file: a.key, enabled: false}\n").datadog().enabled()).isFalse();
    }

    @Test
    void badSettingsAreRefusedNamingTheField() throws Exception {
        Files.writeString(dir.resolve("a.key"), "k1");
        assertThatThrownBy(() -> load("datadog: {site: datadoghq.com}\n"))
                .hasMessageContaining("datadog.api_key_file: is required");
        assertThatThrownBy(() -> load("datadog: {api_key_file: missing.key}\n"))
                .hasMessageContaining("datadog.api_key_file: cannot read the API key file");
        assertThatThrownBy(() -> load("datadog: {api_key_file: a.key, api_key: abc}\n"))
                .hasMessageContaining("datadog.api_key: unknown setting");
        assertThatThrownBy(() -> load("datadog: {api_key_file: a.key, dd_url: \"http://intake.example.com\"}\n"))
                .hasMessageContaining("datadog.dd_url: must be https://");
        assertThatThrownBy(() -> load("datadog: {api_key_file: a.key, compression: lz4}\n"))
                .hasMessageContaining("datadog.compression: must be gzip or zstd");
    }
}
