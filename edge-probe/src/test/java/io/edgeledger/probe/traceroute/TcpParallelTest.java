package io.edgeledger.probe.traceroute;

import static io.edgeledger.probe.traceroute.VirtualPathTest.assertHops;
import static io.edgeledger.probe.traceroute.VirtualPathTest.chain;
import static io.edgeledger.probe.traceroute.VirtualPathTest.firewalledPath;
import static io.edgeledger.probe.traceroute.VirtualPathTest.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.traceroute.VirtualPathTest.Probe;
import io.edgeledger.probe.traceroute.engine.AdaptiveWait;
import io.edgeledger.probe.traceroute.packet.IpProto;
import io.edgeledger.probe.traceroute.packet.TcpFlags;
import io.edgeledger.probe.traceroute.result.TracerouteResult;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import io.edgeledger.probe.traceroute.vnet.ProbeView;
import io.edgeledger.probe.traceroute.vnet.VirtualNetwork;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TCP SYN traces every TTL at once by default (issue 17): shown without timing, by holding every answer
 * back until all probes are out, which a serial run (waiting for TTL 1's answer) could never reach.
 * {@code --serial} keeps upstream's one-TTL-at-a-time; matching stays exact with several runs in flight.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TcpParallelTest {
    private static final long DEADLINE_MS = 30_000;

    private static CompletableFuture<TracerouteResult> start(VirtualNetwork net, TracerouteParams p) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TracerouteEngine.run(p, net);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits (generously) until the network has seen {@code count} SYN probes. */
    private static void awaitSyns(VirtualNetwork net, int count, CompletableFuture<?> trace) throws Exception {
        Predicate<ProbeView> syn = v -> v.protocol() == IpProto.TCP && (v.tcpFlags() & TcpFlags.SYN) != 0;
        long until = System.currentTimeMillis() + DEADLINE_MS;
        while (net.sent().stream().filter(syn).count() < count) {
            assertThat(trace).as("the trace ended before sending every probe").isNotDone();
            assertThat(System.currentTimeMillis()).as("only " + net.sent().stream().filter(syn).count() + " of "
                    + count + " SYNs were sent while nothing had answered: the run is not parallel").isLessThan(until);
            Thread.sleep(5);
        }
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void synSendsEveryTtlBeforeAnyAnswerAndGivesUpOnASilentHopByTheAdaptiveWait(int family) throws Exception {
        Probe p = new Probe("tcp", "syn", family);
        try (VirtualNetwork net = chain()) {
            net.router(2).silent();
            net.hold();
            // a 10-minute timeout: serial would wait it out at TTL 1 (its answer is held back)
            CompletableFuture<TracerouteResult> trace = start(net, params(net, p, 1, 0, 8, 600_000, null,
                    AdaptiveWait.DEFAULT));
            awaitSyns(net, 8, trace);
            net.release();
            TracerouteResult r = trace.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
            assertHops(r.runs().get(0), net.path(p.v6()), true, p.label());
        }
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void firewalledDestinationCostsOneTimeoutNotOnePerTtl(int family) throws Exception {
        Probe p = new Probe("tcp", "syn", family);
        try (VirtualNetwork net = chain()) {
            net.destination().firewalled();
            net.hold();
            // serial would send TTL 30 only after 29 timeouts (87 s); parallel sends all 30 at once
            int maxTtl = 30;
            CompletableFuture<TracerouteResult> trace = start(net, params(net, p, 1, 0, maxTtl, 3000, null,
                    AdaptiveWait.DEFAULT));
            awaitSyns(net, maxTtl, trace);
            net.release();
            TracerouteResult r = trace.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
            assertHops(r.runs().get(0), firewalledPath(net, p.v6(), maxTtl), false, p.label());
        }
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void threeRunsAndTheEndToEndProbeInFlightTogetherEachGetExactlyTheirAnswers(int family) throws Exception {
        Probe p = new Probe("tcp", "syn", family);
        try (VirtualNetwork net = chain()) {
            net.hold();
            TracerouteParams params = new TracerouteParams(net.destination().address(p.v6()), Protocol.TCP, 80, 3, 8,
                    5000, TcpMethod.SYN, 5, p.v6(), false, false, false, null, AdaptiveWait.DEFAULT, 0, 0, List.of());
            CompletableFuture<TracerouteResult> trace = start(net, params);
            awaitSyns(net, 3 * 8 + 5, trace); // every answer arrives after every probe, all interleaved
            net.release();
            TracerouteResult r = trace.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
            assertThat(r.runs()).hasSize(3);
            for (TracerouteRun run : r.runs()) {
                assertHops(run, net.path(p.v6()), true, p.label());
            }
            assertThat(r.runs().stream().map(TracerouteRun::sourcePort).distinct()).hasSize(3);
            assertThat(r.e2eProbe().packetsReceived()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "IPv{0}")
    @ValueSource(ints = {4, 6})
    void serialKeepsUpstreamsOneTtlAtATime(int family) throws Exception {
        Probe p = new Probe("tcp", "syn", family);
        try (VirtualNetwork net = chain()) {
            TracerouteResult r = TracerouteEngine.run(params(net, p, 1, 0, 8, 5000, false, AdaptiveWait.DEFAULT), net);
            assertHops(r.runs().get(0), net.path(p.v6()), true, p.label());
            assertThat(net.log()).containsExactly("probe 1", "reply", "probe 2", "reply", "probe 3", "reply",
                    "probe 4", "reply");
        }
    }
}
