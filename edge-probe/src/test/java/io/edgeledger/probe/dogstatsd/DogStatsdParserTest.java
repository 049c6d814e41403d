package io.edgeledger.probe.dogstatsd;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.agent.aggregator.MetricType;
import io.edgeledger.testing.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DogStatsdParserTest {
    private record Seen(String name, double value, String member, MetricType type, double rate, List<String> tags,
            long ts) {}

    private static List<Seen> parse(String packet, DogStatsdParser.Counts counts) {
        List<Seen> out = new ArrayList<>();
        byte[] b = packet.getBytes(StandardCharsets.UTF_8);
        new DogStatsdParser().parsePacket(b, 0, b.length, l -> out.add(new Seen(l.name(), l.value(),
                l.type() == MetricType.SET ? l.member() : null, l.type(), l.sampleRate(), l.tags(), l.timestamp())),
                counts);
        return out;
    }

    @Test
    void readsEveryTypeRatesTagsAndMultiMetricPackets() {
        DogStatsdParser.Counts c = new DogStatsdParser.Counts();
        List<Seen> out = parse("page.views:1|c\nfuel:0.5|g|#env:dev,shell\nlat:320|ms|@0.1\nsize:4|h\n"
                + "users:alice|s\nreq:12.5|d|#a:b|T1700000000\n", c);
        assertThat(out).containsExactly(
                new Seen("page.views", 1, null, MetricType.COUNTER, 1, List.of(), 0),
                new Seen("fuel", 0.5, null, MetricType.GAUGE, 1, List.of("env:dev", "shell"), 0),
                new Seen("lat", 320, null, MetricType.HISTOGRAM, 0.1, List.of(), 0),
                new Seen("size", 4, null, MetricType.HISTOGRAM, 1, List.of(), 0),
                new Seen("users", 0, "alice", MetricType.SET, 1, List.of(), 0),
                new Seen("req", 12.5, null, MetricType.HISTOGRAM, 1, List.of("a:b"), 1700000000L));
        assertThat(c.metrics).isEqualTo(6);
        assertThat(c.malformed).isZero();
    }

    @Test
    void multiValueLinesGiveOneMetricPerValue() {
        DogStatsdParser.Counts c = new DogStatsdParser.Counts();
        assertThat(parse("t:1:2:3|h|#x", c)).extracting(Seen::value).containsExactly(1.0, 2.0, 3.0);
        assertThat(parse("t:1:oops:3|h", c)).as("one bad value rejects the line").isEmpty();
        assertThat(c.malformed).isEqualTo(1);
    }

    @Test
    void malformedLinesAreCountedAndSkippedWhileTheRestOfThePacketIsRead() {
        DogStatsdParser.Counts c = new DogStatsdParser.Counts();
        List<Seen> out = parse("ok:1|c\nnocolon|c\n:1|c\nx:|c\nx:1\nx:1|q\nx:abc|g\nx:1|c|@0\nx:1|c|@1.5\n"
                + "x:NaN|g\nx:Infinity|g\nx:1e999|g\nx:1|c|Tnope\n_sc|svc|0\n_e{1,1}:a|b\nalso.ok:2|g\r\n", c);
        assertThat(out).extracting(Seen::name).containsExactly("ok", "also.ok");
        assertThat(c.malformed).isEqualTo(12);
        assertThat(c.serviceChecks).isEqualTo(1);
        assertThat(c.events).isEqualTo(1);
    }

    @Test
    void numbersParseExactlyLikeJava() {
        for (String n : List.of("0", "-0", "1", "+7", "1.", ".5", "-.25", "3.14159", "123456789012345",
                "1234567890123456789", "0.000000000000000000000000001", "1e3", "2.5E-3", "99999999999999.99")) {
            byte[] b = n.getBytes(StandardCharsets.US_ASCII);
            assertThat(DogStatsdParser.parseNumber(b, 0, b.length)).as(n).isEqualTo(Double.parseDouble(n));
        }
        for (String n : List.of("", "-", ".", "1..2", "1e", "e1", "0x10", "1f", "1d", " 1", "1 ", "--1", "NaN")) {
            byte[] b = n.getBytes(StandardCharsets.US_ASCII);
            assertThat(DogStatsdParser.parseNumber(b, 0, b.length)).as(n).isNaN();
        }
    }

    /** 120,000 lines: random bytes, mutated valid lines and well-formed lines, each checked against the oracle. */
    @Test
    void fuzzAgainstTheReferenceParser() {
        Property.forAll(120_000, random -> {
            String line = randomLine(random);
            DogStatsdParser.Counts c = new DogStatsdParser.Counts();
            List<Seen> got = parse(line, c);
            Object want = ReferenceParser.parse(line);
            if (want == ReferenceParser.MALFORMED) {
                assertThat(got).as("malformed: " + line).isEmpty();
                assertThat(c.malformed).as(line).isEqualTo(1);
            } else if (want == ReferenceParser.NON_METRIC) {
                assertThat(got).isEmpty();
                assertThat(c.malformed + c.events + c.serviceChecks).isEqualTo(1);
            } else if (want == ReferenceParser.EMPTY) {
                assertThat(got).isEmpty();
                assertThat(c.malformed + c.events + c.serviceChecks).isZero();
            } else {
                ReferenceParser.Parsed p = (ReferenceParser.Parsed) want;
                assertThat(c.malformed).as(line).isZero();
                if (p.type() == MetricType.SET) {
                    assertThat(got).as(line).containsExactly(
                            new Seen(p.name(), 0, p.member(), p.type(), p.rate(), p.tags(), p.timestamp()));
                } else {
                    assertThat(got).as(line).hasSize(p.values().size());
                    for (int i = 0; i < got.size(); i++) {
                        assertThat(got.get(i)).as(line).isEqualTo(new Seen(p.name(), p.values().get(i), null,
                                p.type(), p.rate(), p.tags(), p.timestamp()));
                    }
                }
            }
        });
    }

    private static final String[] TYPES = {"c", "g", "ms", "h", "s", "d", "x", "", "cc"};
    private static final String ALPHABET = "ab.:_|#@,-+eE0123456789T\n";

    private static String randomLine(SplittableRandom r) {
        int mode = r.nextInt(4);
        if (mode == 0) { // raw junk over a small, syntax-heavy alphabet
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(40); i > 0; i--) {
                char ch = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                sb.append(ch == '\n' ? 'n' : ch);
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder("metric.").append(r.nextInt(5)).append(':');
        int values = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        for (int i = 0; i < values; i++) {
            sb.append(i > 0 ? ":" : "").append(randomNumber(r));
        }
        sb.append('|').append(mode == 3 ? TYPES[r.nextInt(TYPES.length)] : TYPES[r.nextInt(6)]);
        if (r.nextBoolean()) {
            sb.append("|@").append(r.nextInt(5) == 0 ? randomNumber(r) : Double.toString(r.nextDouble()));
        }
        if (r.nextBoolean()) {
            sb.append("|#");
            for (int i = r.nextInt(4); i > 0; i--) {
                sb.append("t").append(r.nextInt(3)).append(r.nextBoolean() ? ":v" : "").append(i > 1 ? "," : "");
            }
        }
        if (r.nextInt(4) == 0) {
            sb.append("|T").append(r.nextInt(3) == 0 ? "x1" : Long.toString(r.nextLong(0, 2_000_000_000L)));
        }
        if (r.nextInt(6) == 0) {
            sb.append("|c:abc");
        }
        String line = sb.toString();
        if (mode == 2 && !line.isEmpty()) { // mutate a few bytes of a well-formed line
            char[] chars = line.toCharArray();
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                char ch = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                chars[r.nextInt(chars.length)] = ch == '\n' ? '|' : ch;
            }
            line = new String(chars);
        }
        return line;
    }

    private static String randomNumber(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> Integer.toString(r.nextInt());
            case 1 -> Double.toString(r.nextDouble() * 1000);
            case 2 -> Long.toString(r.nextLong());
            case 3 -> r.nextInt(100) + "." + r.nextInt(100);
            case 4 -> "-." + r.nextInt(1000);
            case 5 -> r.nextInt(10) + "e" + (r.nextInt(700) - 350);
            case 6 -> Double.toString(r.nextGaussian() * 1e-30);
            default -> "" + r.nextInt(1000);
        };
    }
}
