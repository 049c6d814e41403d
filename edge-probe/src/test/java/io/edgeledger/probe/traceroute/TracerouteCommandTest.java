package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors exit 2 with a one-line message before any packet is sent; defaults are upstream's. */
class TracerouteCommandTest {
    private record Run(int code, String err) {}

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = io.edgeledger.probe.EdgeProbe.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        String[] all = new String[args.length + 1];
        all[0] = "traceroute";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cl.execute(all), err.toString());
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(run("-P", "sctp", "198.18.0.2")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("sctp").doesNotContain("at io.");
        });
        assertThat(run("--tcp-method", "fin", "-P", "tcp", "198.18.0.2").code()).isEqualTo(2);
        assertThat(run("--format", "xml", "198.18.0.2").code()).isEqualTo(2);
        assertThat(run("-m", "0", "198.18.0.2").code()).isEqualTo(2);
        assertThat(run("--parallel", "--serial", "198.18.0.2").code()).isEqualTo(2);
        assertThat(run("--wait", "fast", "198.18.0.2").code()).isEqualTo(2);
        assertThat(run("--no-such-flag", "198.18.0.2").code()).isEqualTo(2);
        assertThat(run().code()).isEqualTo(2);
    }

    @Test
    void defaultsAreUpstreams() {
        TracerouteCommand c = new TracerouteCommand();
        new CommandLine(c).parseArgs("example.com");
        assertThat(c.proto).isEqualTo("udp");
        assertThat(c.port).isEqualTo(33434);
        assertThat(c.queries).isEqualTo(3);
        assertThat(c.maxTtl).isEqualTo(30);
        assertThat(c.timeout).isEqualTo(3000);
        assertThat(c.tcpMethod).isEqualTo("syn");
        assertThat(c.e2eQueries).isEqualTo(50);
        // DESIGN 2.1: parallel by default for every protocol and TCP method (issue 17); --serial is upstream's way
        for (Protocol p : Protocol.values()) {
            assertThat(TracerouteEngine.settings(TracerouteParams.defaults("h").withProtocol(p)).parallel()).isTrue();
        }
    }
}
