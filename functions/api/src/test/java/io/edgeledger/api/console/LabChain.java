package io.edgeledger.api.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test's own netlab chain (../shared/netlab/netns-chain.sh, 198.18.0.0/15 only, never connected to the host), and
 * the probe's real traceroute engine run inside its source namespace. Needs root.
 */
final class LabChain implements AutoCloseable {
    final String prefix;
    final JsonNode status;

    private LabChain(String prefix, JsonNode status) {
        this.prefix = prefix;
        this.status = status;
    }

    static boolean root() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static LabChain up(String prefix, String... options) throws Exception {
        Path script = SharedData.resolve("netlab/netns-chain.sh");
        List<String> cmd = new ArrayList<>(List.of(script.toString(), "up"));
        cmd.addAll(List.of(options));
        String[] up = run(prefix, cmd, 120);
        String[] status = run(prefix, List.of(script.toString(), "status", "--json"), 30);
        if (!up[0].equals("0") || !status[0].equals("0")) {
            throw new IllegalStateException("netns-chain failed: " + up[2] + up[1] + status[2]);
        }
        return new LabChain(prefix, ConsoleData.json(status[1]));
    }

    String dst() {
        return status.path("dst").path("ipv4").asText();
    }

    /** edge-probe traceroute ... TARGET in the source namespace; the JSON result (DESIGN 2.1). */
    JsonNode traceroute(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-src",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.edgeledger.probe.EdgeProbe", "traceroute", "--format", "json"));
        cmd.addAll(List.of(args));
        String[] r = run(prefix, cmd, 120);
        if (!r[0].equals("0") && !r[0].equals("1")) { // 1: destination not reached is still a result
            throw new IllegalStateException("edge-probe traceroute exited " + r[0] + ": " + r[2]);
        }
        return ConsoleData.json(r[1]);
    }

    private static String[] run(String prefix, List<String> cmd, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("NETLAB_PREFIX", prefix);
        Path out = Files.createTempFile("lab", ".out");
        Path err = Files.createTempFile("lab", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            return new String[] {Integer.toString(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Override
    public void close() throws Exception {
        run(prefix, List.of(SharedData.resolve("netlab/netns-chain.sh").toString(), "down"), 120);
    }
}
