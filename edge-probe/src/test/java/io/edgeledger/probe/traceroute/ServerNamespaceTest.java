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
        for (int i = 0; i < 100 && curl("/health").code() != 0; i++) {
            Thread.sleep(100);
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
        // 198.18.2.99 is on the last lab link but nobody has it: probes past the routers vanish, so the
        // first request holds the only slot for about its timeout
        CompletableFuture<NetLab.Result> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return curl("/traceroute?target=198.18.2.99&traceroute-queries=1&e2e-queries=0&max-ttl=4&timeout=3000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        NetLab.Result busy = null;
        for (int i = 0; i < 40; i++) {
            Thread.sleep(100);
            busy = curl("/traceroute?target=" + lab.dst(4) + "&e2e-queries=0&traceroute-queries=1&max-ttl=4");
            if (status(busy) == 429) {
                break;
            }
        }
        assertThat(status(busy)).as(busy.out()).isEqualTo(429);
        assertThat(body(busy).path("code").asText()).isEqualTo("too_many_requests");
        assertThat(status(slow.get())).isEqualTo(200);
    }
}
