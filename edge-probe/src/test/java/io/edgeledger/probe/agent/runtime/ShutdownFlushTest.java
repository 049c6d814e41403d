package io.edgeledger.probe.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.probe.agent.checks.BuiltInChecks;
import io.edgeledger.probe.agent.config.AgentConfig;
import io.edgeledger.probe.agent.config.ConfigLoader;
import io.edgeledger.probe.forwarder.TestCertificates;
import io.edgeledger.probe.forwarder.TestIngestServer;
import io.edgeledger.testing.Eventually;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19 item 4: samples in the open 10 s DogStatsD bucket survive a stop (flushed to the spool, sent after restart). */
class ShutdownFlushTest {
    @TempDir
    Path dir;

    @Test
    void samplesOfTheOpenBucketAreSpooledAtStopAndDeliveredAfterRestart() throws Exception {
        TestCertificates certs = TestCertificates.shared();
        try (TestIngestServer server = new TestIngestServer(certs, "probe-1", "s3cret")) {
            server.down = true; // nothing leaves before the stop: the spool must hold it
            int statsd = AgentEndToEndTest.freeUdpPort();
            TestAgentConfig.write(dir, server.uri(), certs, "h-stop",
                    "dogstatsd: {bind: 127.0.0.1, port: " + statsd + "}\n");
            AgentConfig cfg = ConfigLoader.load(dir, BuiltInChecks.NAMES);
            try (Agent agent = new Agent(cfg, p -> null, Clock.systemUTC()).start();
                    DatagramSocket client = new DatagramSocket()) {
                byte[] b = "stop.pending:41|g\nstop.pending:42|g".getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), statsd));
                Eventually.until("dogstatsd read", () -> agent.status().path("dogstatsd").path("metrics").asLong() == 2);
            } // the bucket is still open here: close() must flush it anyway
            server.down = false;
            try (Agent restarted = new Agent(cfg, p -> null, Clock.systemUTC()).start()) {
                Eventually.until("spooled series delivered after restart", () -> server.ingestedAt("/v1/ingest/metrics")
                        .stream().anyMatch(i -> i.body().toString().contains("stop.pending")));
            }
            JsonNode series = server.ingestedAt("/v1/ingest/metrics").stream()
                    .filter(i -> i.body().toString().contains("stop.pending")).findFirst().orElseThrow().body()
                    .path("series").get(0);
            assertThat(series.path("metric").asText()).isEqualTo("stop.pending");
            assertThat(series.path("points").get(0).get(1).asDouble()).isEqualTo(42.0);
        }
    }
}
