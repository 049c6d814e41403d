package io.edgeledger.probe.dogstatsd;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.agent.aggregator.Aggregator;
import io.edgeledger.wire.MetricPoint;
import io.edgeledger.wire.MetricSeries;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DogStatsdServerTest {
    @Test
    void udpPacketsLandInTenSecondBucketsWithHostOverrideAndCounters() throws Exception {
        Aggregator aggregator = new Aggregator();
        AtomicLong now = new AtomicLong(1_000);
        try (DogStatsdServer server = new DogStatsdServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), aggregator, "probe-host", now::get).start();
                DatagramSocket client = new DatagramSocket()) {
            send(client, server.port(), "hits:1|c|#b,a\nhits:2|c|#a,b\nlat:10|ms\nlat:30|ms\nbad line\n");
            send(client, server.port(), "temp:21|g|#host:other,room:1\nusers:x|s\nusers:y|s\nusers:x|s");
            awaitMetrics(server, 8);
            now.set(1_012);
            send(client, server.port(), "hits:5|c|#a,b");
            awaitMetrics(server, 9);

            Map<String, MetricSeries> first = byName(aggregator.flush(1_015));
            assertThat(first.get("hits").tags()).containsExactly("a", "b");
            assertThat(first.get("hits").points()).containsExactly(new MetricPoint(1_000, 0.3));
            assertThat(first.get("hits").host()).isEqualTo("probe-host");
            assertThat(first.get("lat.avg").points()).containsExactly(new MetricPoint(1_000, 20));
            assertThat(first.get("temp").host()).isEqualTo("other");
            assertThat(first.get("temp").tags()).containsExactly("room:1");
            assertThat(first.get("users").points()).containsExactly(new MetricPoint(1_000, 2));

            Map<String, MetricSeries> second = byName(aggregator.flush(1_020));
            assertThat(second.get("hits").points()).containsExactly(new MetricPoint(1_010, 0.5));

            DogStatsdStats stats = server.stats();
            assertThat(stats.packets()).isEqualTo(3);
            assertThat(stats.metrics()).isEqualTo(9);
            assertThat(stats.malformed()).isEqualTo(1);
        }
    }

    private static Map<String, MetricSeries> byName(List<MetricSeries> series) {
        return series.stream().collect(Collectors.toMap(MetricSeries::metric, Function.identity()));
    }

    private static void send(DatagramSocket client, int port, String payload) throws Exception {
        byte[] b = payload.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    private static void awaitMetrics(DogStatsdServer server, long n) throws InterruptedException {
        for (int i = 0; i < 500 && server.stats().metrics() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(server.stats().metrics()).isEqualTo(n);
    }
}
