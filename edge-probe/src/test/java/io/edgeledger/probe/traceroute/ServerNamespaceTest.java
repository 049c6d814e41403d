package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** `edge-probe serve` inside the lab's source namespace: real traces over HTTP, and 429 when saturated. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerNamespaceTest {
    private static final String ADDR = "127.0.0.1:3765";
    private NetLab lab;
    private Process server;

    @BeforeAll
    void up() throws Exception {
        NetLab.assumeRoot();
        lab = NetLab.up("trh" + ProcessHandle.current().pid() % 10000, "--hops", "2", "--ipv4-only");
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", lab.prefix + "-src"));
        cmd.addAll(NetLab.javaCommand());
        cmd.addAll(List.of("serve", "--addr", ADDR, "--max-concurrent", "1"));
        server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (curl("/health").code() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    void down() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** curl inside the namespace; out = "BODY\nSTATUS". */
    private NetLab.Result curl(String pathAndQuery) throws Exception {
        return lab.inSource(List.of(), List.of("curl", "-s", "-w", "\n%{http_code}", "http://" + ADDR + pathAndQuery));
    }

    private static int status(NetLab.Result r) {
        String out = r.out();
        return Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).trim());
    }

    private static JsonNode body(NetLab.Result r) throws Exception {
        String out = r.out();
        return NetLab.JSON.readTree(out.substring(0, out.lastIndexOf('\n')));
    }

    @Test
    void tracerouteOverHttpReturnsTheResultJson() throws Exception {
        NetLab.Result r = curl("/traceroute?target=" + lab.dst(4) + "&protocol=icmp&traceroute-queries=1&e2e-queries=2&max-ttl=5&timeout=1000");
        assertThat(status(r)).as(r.out()).isEqualTo(200);
        JsonNode json = body(r);
        assertThat(json.path("protocol").asText()).isEqualTo("ICMP");
        PathAssertions.assertPath(json.path("traceroute").path("runs").get(0), lab.path(4), "http icmp");
        assertThat(json.path("e2e_probe").path("packets_received").asInt()).isEqualTo(2);
    }

    @Test
    void aSecondTraceWhileTheOnlySlotIsBusyGets429() throws Exception {
        // the destination drops TCP to port 81 for this test: a trace there holds the only slot until its
        // timeout (beyond the routers no TTL ever answers); the second request is sent only once /health
        // shows the slot taken, so the 429 does not depend on which curl the machine schedules first
        String dst = lab.prefix + "-dst";
        NetLab.Result nft = NetLab.run(lab.prefix, List.of("ip", "netns", "exec", dst, "nft", "add table inet slot429 "
                + "{ chain in { type filter hook input priority 0; tcp dport 81 drop; }; }"), 30);
        assertThat(nft.code()).as(nft.err()).isZero();
        try {
            CompletableFuture<NetLab.Result> holder = CompletableFuture.supplyAsync(() -> {
                try {
                    return curl("/traceroute?target=" + lab.dst(4) + "&protocol=tcp&port=81&traceroute-queries=1"
                            + "&e2e-queries=0&max-ttl=4&timeout=20000");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
            while (body(curl("/health")).path("traces_running").asInt() != 1) {
                assertThat(System.nanoTime()).as("the first trace never took the slot").isLessThan(deadline);
                assertThat(holder).isNotDone();
                Thread.sleep(20);
            }
            NetLab.Result busy = curl("/traceroute?target=" + lab.dst(4) + "&e2e-queries=0&traceroute-queries=1&max-ttl=4");
            assertThat(status(busy)).as(busy.out()).isEqualTo(429);
            assertThat(body(busy).path("code").asText()).isEqualTo("too_many_requests");
            assertThat(holder).as("the slot holder must still run when the 429 came").isNotDone();
            NetLab.Result held = holder.get();
            assertThat(status(held)).as(held.out()).isEqualTo(200);
            assertThat(body(curl("/health")).path("traces_running").asInt()).isZero();
        } finally {
            NetLab.run(lab.prefix, List.of("ip", "netns", "exec", dst, "nft", "delete table inet slot429"), 30);
        }
    }
}
