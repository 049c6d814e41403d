package io.edgeledger.probe.dogstatsd;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.agent.check.Event;
import io.edgeledger.probe.agent.check.ServiceCheck;
import io.edgeledger.testing.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DogStatsD {@code _e{..}} and {@code _sc|..} as Datadog's docs specify them, lengths in UTF-8 bytes. */
class EventAndServiceCheckParserTest {
    private final List<Event> events = new ArrayList<>();
    private final List<ServiceCheck> checks = new ArrayList<>();

    private DogStatsdParser.Counts parse(String packet) {
        byte[] b = packet.getBytes(StandardCharsets.UTF_8);
        DogStatsdParser.Counts c = new DogStatsdParser.Counts();
        new DogStatsdParser().parsePacket(b, 0, b.length, new DogStatsdParser.Handler() {
            @Override public void metric(MetricLine line) { throw new AssertionError("no metric expected: " + line); }
            @Override public void event(Event e) { events.add(e); }
            @Override public void serviceCheck(ServiceCheck s) { checks.add(s); }
        }, c);
        return c;
    }

    private static String event(String title, String text, String rest) {
        return "_e{" + title.getBytes(StandardCharsets.UTF_8).length + "," + text.getBytes(StandardCharsets.UTF_8).length
                + "}:" + title + "|" + text + rest;
    }

    @Test
    void theDatadogDocumentationExamples() {
        // docs.datadoghq.com "DogStatsD datagram format": events and service checks
        DogStatsdParser.Counts c = parse("_e{21,36}:An exception occurred|Cannot parse CSV file from 10.0.0.17|t:warning|#err_type:bad_file\n"
                + "_e{21,41}:An exception occurred|Cannot parse JSON request:\\n{\"foo: \"bar\"}|p:low|#err_type:bad_request\n"
                + "_sc|Redis connection|2|#env:dev|m:Redis connection timed out after 10s");
        assertThat(c.events).isEqualTo(2);
        assertThat(c.serviceChecks).isEqualTo(1);
        assertThat(c.malformed).isZero();
        assertThat(events.get(0)).isEqualTo(new Event("An exception occurred", "Cannot parse CSV file from 10.0.0.17", 0,
                "", "normal", "warning", "", "", List.of("err_type:bad_file")));
        assertThat(events.get(1).text()).isEqualTo("Cannot parse JSON request:\n{\"foo: \"bar\"}");
        assertThat(events.get(1).priority()).isEqualTo("low");
        assertThat(checks.get(0)).isEqualTo(new ServiceCheck("Redis connection", 2, 0, "", List.of("env:dev"),
                "Redis connection timed out after 10s"));
    }

    @Test
    void everyOptionalField() {
        parse(event("deploy", "v2 out", "|d:1700000000|h:web-1|k:deploys|p:normal|s:jenkins|t:success|#a:b,c")
                + "\n_sc|db.up|0|d:1700000001|h:db-1|#x:y|m:fine");
        assertThat(events).containsExactly(new Event("deploy", "v2 out", 1700000000L, "web-1", "normal", "success",
                "deploys", "jenkins", List.of("a:b", "c")));
        assertThat(checks).containsExactly(new ServiceCheck("db.up", 0, 1700000001L, "db-1", List.of("x:y"), "fine"));
    }

    @Test
    void lengthsCountUtf8BytesSoUnicodeTitlesAndPipesInsideThemParse() {
        String title = "Déploiement ✓ 東京|🚀";
        String text = "naïve | text with a pipe";
        DogStatsdParser.Counts c = parse(event(title, text, "|#région:eu"));
        assertThat(c.events).isEqualTo(1);
        assertThat(events.get(0).title()).isEqualTo(title);
        assertThat(events.get(0).text()).isEqualTo(text);
        assertThat(events.get(0).tags()).containsExactly("région:eu");
        // the same line with character counts instead of byte counts is a different frame: refused
        events.clear();
        assertThat(parse("_e{" + title.length() + "," + text.length() + "}:" + title + "|" + text).malformed).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void malformedFramesAreCountedBadOptionalValuesFallBackToDefaults() {
        List<String> bad = List.of("_e{", "_e{5,4}", "_e{5,4}:hello", "_e{5,4}:hello|tex", "_e{5,4}:hello|texts",
                "_e{0,4}:|text", "_e{x,4}:hello|text", "_e{5,-1}:hello|", "_e{5,4}hello|text", "_e{6,4}:hello|text",
                "_e{99999999999999999999,1}:a|b", "_e{4294967297,1}:a|b", "_e{1,4294967297}:a|b", "_sc", "_sc|", "_sc||0", "_sc|name", "_sc|name|", "_sc|name|4",
                "_sc|name|-1", "_sc|name|00", "_sc|name|ok");
        for (String line : bad) {
            assertThat(parse(line).malformed).as(line).isEqualTo(1);
        }
        assertThat(events).isEmpty();
        assertThat(checks).isEmpty();
        parse(event("t", "x", "|p:urgent|t:fatal|d:soon|zz:ignored") + "\n_sc|n|1|d:x|q:ignored");
        assertThat(events).containsExactly(new Event("t", "x", 0, "", "normal", "info", "", "", List.of()));
        assertThat(checks).containsExactly(new ServiceCheck("n", 1, 0, "", List.of(), ""));
    }

    /** 10^5 lines: valid frames with random unicode, the same mutated, and junk; never an exception, one outcome each. */
    @Test
    void fuzzedLinesNeverThrowAndValidOnesRoundTrip() {
        Property.forAll(100_000, r -> {
            events.clear();
            checks.clear();
            int mode = r.nextInt(3);
            boolean isEvent = r.nextBoolean();
            String title = text(r, 1 + r.nextInt(12));
            String body = text(r, r.nextInt(12));
            String line = isEvent ? event(title, body, r.nextBoolean() ? "|#t:" + text(r, 3) : "")
                    : "_sc|" + title + "|" + r.nextInt(4) + (r.nextBoolean() ? "|m:" + body : "");
            if (mode == 1) {
                char[] chars = line.toCharArray();
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    chars[r.nextInt(chars.length)] = "|{},:#_e0123456789é".charAt(r.nextInt(19));
                }
                line = new String(chars);
            } else if (mode == 2) {
                line = (isEvent ? "_e{" : "_sc|") + text(r, r.nextInt(30));
            }
            DogStatsdParser.Counts c = parse(line.replace('\n', ' '));
            assertThat(c.events + c.serviceChecks + c.malformed).as(line).isEqualTo(1);
            boolean sane = !title.contains("|") && !title.contains("\\n") && !body.contains("|")
                    && !body.contains("\\n") && !title.contains("\n") && !body.contains("\n");
            if (mode == 0 && sane) {
                if (isEvent) {
                    assertThat(events).as(line).extracting(Event::title, Event::text).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(title, body));
                } else {
                    assertThat(checks).as(line).extracting(ServiceCheck::name).containsExactly(title);
                }
            }
        });
    }

    private static final String CHARS = "ab z|:,#{}_\\né東🚀0123";

    private static String text(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = CHARS.codePointAt(CHARS.offsetByCodePoints(0, r.nextInt(CHARS.codePointCount(0, CHARS.length()))));
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
