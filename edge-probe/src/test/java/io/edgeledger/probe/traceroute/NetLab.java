package io.edgeledger.probe.traceroute;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A netlab chain (../shared/netlab/netns-chain.sh) under its own prefix, and a way to run edge-probe
 * inside its source namespace. Only lab addresses (198.18.0.0/15, 2001:db8::/32) are ever traced.
 */
final class NetLab implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final String prefix;
    final JsonNode status;

    private NetLab(String prefix, JsonNode status) {
        this.prefix = prefix;
        this.status = status;
    }

    static void assumeRoot() {
        boolean root = "root".equals(System.getProperty("user.name")) || uid() == 0;
        assumeTrue(root, "SKIPPED: traceroute namespace tests need root (CAP_NET_ADMIN + CAP_NET_RAW) to build "
                + "the netlab chain and send raw packets; run the tests as root (CI does)");
    }

    private static long uid() {
        try {
            Object uid = java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return ((Number) uid).longValue();
        } catch (Exception e) {
            return -1;
        }
    }

    static Path chainScript() {
        return SharedData.resolve("netlab/netns-chain.sh");
    }

    static NetLab up(String prefix, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chainScript().toString(), "up"));
        cmd.addAll(List.of(options));
        Result r = run(prefix, cmd, 120);
        if (r.code != 0) {
            throw new IllegalStateException("netns-chain up failed: " + r.err + r.out);
        }
        Result s = run(prefix, List.of(chainScript().toString(), "status", "--json"), 30);
        return new NetLab(prefix, JSON.readTree(s.out));
    }

    String dst(int family) {
        return status.path("dst").path("ipv" + family).asText();
    }

    /** Expected address per TTL (index 0 = TTL 1), null for a silent hop. */
    List<String> path(int family) {
        List<String> out = new ArrayList<>();
        for (JsonNode h : status.path("path")) {
            out.add(h.path("responds").asBoolean() ? h.path("ipv" + family).asText() : null);
        }
        return out;
    }

    /**
     * The lab's kernel counters that tell where a probe or its answer died (time-exceeded sent and received,
     * discards, ICMP rate limits), non-zero ones only, per namespace: appended to a path assertion's failure.
     */
    String counters() {
        List<String> namespaces = new ArrayList<>(List.of(status.path("src").path("ns").asText()));
        status.path("path").forEach(h -> namespaces.add(h.path("ns").asText()));
        StringBuilder out = new StringBuilder("kernel counters (non-zero):");
        for (String ns : namespaces) {
            try {
                Result r = run(prefix, List.of("ip", "netns", "exec", ns, "nstat", "-a", "-s"), 30);
                out.append("\n  ").append(ns).append(':');
                for (String line : r.out.split("\n")) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 2 && COUNTER_OF_INTEREST.matcher(f[0]).find() && !f[1].equals("0")) {
                        out.append(' ').append(f[0]).append('=').append(f[1]);
                    }
                }
            } catch (Exception e) {
                out.append("\n  ").append(ns).append(": nstat failed: ").append(e.getMessage());
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern COUNTER_OF_INTEREST =
            java.util.regex.Pattern.compile("TimeExcds|DestUnreachs|Discards|RateLimit|Errors|NoRoutes|Drop|InReceives|OutRequests");

    /** {@link PathAssertions#assertPath} with the probe's stderr and the lab's counters in the failure message. */
    void assertPath(JsonNode run, List<String> expected, String context, Result r) {
        try {
            PathAssertions.assertPath(run, expected, context);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nedge-probe stderr: " + r.err + "\n" + counters(), e);
        }
    }

    /** Runs a command inside the destination namespace, in the background (killed by down). */
    void startInDestination(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-dst", "setsid"));
        cmd.addAll(List.of(command));
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Adaptive wait for tests that must see every hop: give up on a silent TTL only after 500 ms, not the
     * default 10 ms floor, so replies queued on a loaded machine are still counted.
     */
    static final String EVERY_HOP_WAIT = "3,10,500";

    /** Waits (generously) until something in the destination namespace listens on TCP {@code port}. */
    void awaitListeningInDestination(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Result r = run(prefix, List.of("ip", "netns", "exec", prefix + "-dst", "ss", "-Hltn",
                    "sport = :" + port), 30);
            if (r.code == 0 && !r.out.isBlank()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("nothing listens on port " + port + " in " + prefix + "-dst: " + r.err);
            }
            Thread.sleep(50);
        }
    }

    /** Runs edge-probe (this build's classes) inside the source namespace. */
    Result edgeProbe(String... args) throws Exception {
        return edgeProbeWith(List.of(), args);
    }

    Result edgeProbeWith(List<String> wrapper, String... args) throws Exception {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of(args));
        return inSource(wrapper, command);
    }

    /** Runs wrapper + command in the source namespace. */
    Result inSource(List<String> wrapper, List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-src"));
        cmd.addAll(wrapper);
        cmd.addAll(command);
        return run(prefix, cmd, 120);
    }

    static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                // a cold JVM's first lookup on a loaded machine may miss the 200 ms default; names are asserted
                "-Dedgeledger.traceroute.reverse-dns-deadline-ms=20000",
                "-cp", System.getProperty("java.class.path"), "io.edgeledger.probe.EdgeProbe");
    }

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Result run(String prefix, List<String> cmd, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("NETLAB_PREFIX", prefix);
        Path out = java.nio.file.Files.createTempFile("netlab", ".out");
        Path err = java.nio.file.Files.createTempFile("netlab", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    @Override
    public void close() throws Exception {
        run(prefix, List.of(chainScript().toString(), "down"), 120);
    }
}
