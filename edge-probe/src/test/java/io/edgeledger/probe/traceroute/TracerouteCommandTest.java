package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

    /** Upstream's flags and ours: each must be in --help (a flag marked hidden, or dropped, fails here). */
    private static final List<String> FLAGS = List.of("-P", "--proto", "-p", "--port", "-q", "--traceroute-queries",
            "-m", "--max-ttl", "--timeout", "--tcp-method", "-Q", "--e2e-queries", "--ipv6", "--reverse-dns",
            "--source-public-ip", "--skip-private-hops", "--parallel", "--serial", "--wait", "--delay",
            "--e2e-interval", "--public-ip-endpoint", "--format", "-v", "--verbose", "--windows-driver", "--paris",
            "--multipath", "--confidence", "-h", "--help", "-V", "--version");

    @Test
    void helpDocumentsEveryFlag() {
        StringWriter out = new StringWriter();
        CommandLine cl = io.edgeledger.probe.EdgeProbe.commandLine();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("traceroute", "--help")).isZero();
        String help = out.toString();
        for (String flag : FLAGS) {
            assertThat(help).as(flag).containsPattern("(^|[\\s,])" + java.util.regex.Pattern.quote(flag) + "([\\s,=]|$)");
        }
        // and nothing the command accepts is left out of the list above, or undocumented
        for (CommandLine.Model.OptionSpec o : cl.getSubcommands().get("traceroute").getCommandSpec().options()) {
            assertThat(FLAGS).as("flag list").containsAll(List.of(o.names()));
            assertThat(String.join(" ", o.description())).as(o.longestName()).isNotBlank();
            assertThat(o.hidden()).as(o.longestName()).isFalse();
        }
        for (String method : List.of("syn", "sack", "prefer_sack")) {
            assertThat(help).contains(method);
        }
    }

    @Test
    void multipathConfidenceOutsideItsRangeOrWithoutMultipathIsAUsageError() {
        Run alone = run("--confidence", "90", "-q", "1", "198.18.0.2");
        assertThat(alone.code()).isEqualTo(TracerouteCommand.EXIT_USAGE);
        assertThat(alone.err()).contains("--confidence applies to --multipath only");
        Run tooHigh = run("--multipath", "--confidence", "100", "-q", "1", "198.18.0.2");
        assertThat(tooHigh.code()).isEqualTo(TracerouteCommand.EXIT_USAGE);
        assertThat(tooHigh.err()).contains("multipath confidence (%) must be between 50 and 99");
    }

    @Test
    void shortVerboseAndWindowsDriverIsRefusedWithAMessageOnLinux() {
        TracerouteCommand c = new TracerouteCommand();
        new CommandLine(c).parseArgs("-v", "example.com");
        assertThat(c.verbose).isTrue();
        Run r = run("--windows-driver", "-q", "1", "198.18.0.2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--windows-driver").contains("only on Windows").doesNotContain("at io.");
    }
}
