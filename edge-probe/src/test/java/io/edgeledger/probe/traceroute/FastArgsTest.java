package io.edgeledger.probe.traceroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's shortcut parser agrees with picocli on everything it accepts, and defers the rest. */
class FastArgsTest {
    private static final List<String[]> ACCEPTED = List.of(
            new String[] {"198.18.0.2"},
            new String[] {"-P", "tcp", "-p", "443", "--tcp-method", "prefer_sack", "host.example"},
            new String[] {"--proto=icmp", "-q", "1", "-Q", "0", "-m", "8", "--timeout", "500", "--ipv6", "2001:db8::1"},
            new String[] {"--format", "table", "--verbose", "--parallel", "--wait", "2,5,1", "--delay", "3", "h"},
            new String[] {"--reverse-dns", "--source-public-ip", "--skip-private-hops", "--public-ip-endpoint",
                    "https://a", "--public-ip-endpoint=https://b", "--e2e-interval", "7", "--serial", "h"});

    @Test
    void fillsTheSameFieldsAsPicocli() throws Exception {
        for (String[] args : ACCEPTED) {
            TracerouteCommand fast = FastArgs.parse(args);
            assertThat(fast).as(String.join(" ", args)).isNotNull();
            TracerouteCommand slow = new TracerouteCommand();
            new CommandLine(slow).parseArgs(args);
            for (Field f : TracerouteCommand.class.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                    f.setAccessible(true);
                    assertThat(f.get(fast)).as(f.getName() + " for " + String.join(" ", args)).isEqualTo(f.get(slow));
                }
            }
        }
    }

    @Test
    void leavesAnythingUnusualToPicocli() {
        assertThat(FastArgs.parse(new String[] {"--help"})).isNull();
        assertThat(FastArgs.parse(new String[] {"-V"})).isNull();
        assertThat(FastArgs.parse(new String[] {})).isNull();
        assertThat(FastArgs.parse(new String[] {"a", "b"})).isNull();
        assertThat(FastArgs.parse(new String[] {"-p", "x", "h"})).isNull();
        assertThat(FastArgs.parse(new String[] {"--bogus", "h"})).isNull();
        assertThat(FastArgs.parse(new String[] {"-q"})).isNull();
        assertThat(FastArgs.parse(new String[] {"--ipv6=true", "h"})).isNull();
    }
}
