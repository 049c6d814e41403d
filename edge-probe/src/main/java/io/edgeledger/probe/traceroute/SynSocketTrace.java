package io.edgeledger.probe.traceroute;

import io.edgeledger.probe.traceroute.net.HostNetwork;
import io.edgeledger.probe.traceroute.net.SynSocketRun;
import io.edgeledger.probe.traceroute.result.E2eProbe;
import io.edgeledger.probe.traceroute.result.Hop;
import io.edgeledger.probe.traceroute.result.TracerouteRun;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** The {@code -q} runs and the end-to-end probe of the syn_socket method, on the host's kernel sockets. */
final class SynSocketTrace {
    private SynSocketTrace() {}

    static List<TracerouteRun> runs(TracerouteParams p, InetAddress target) throws TracerouteException, InterruptedException {
        InetAddress source;
        try {
            source = HostNetwork.INSTANCE.route(target).source();
        } catch (IOException e) {
            throw new TracerouteException("traceroute to " + target.getHostAddress() + " failed: " + e.getMessage(), e);
        }
        List<FutureTask<List<Hop>>> tasks = new ArrayList<>();
        for (int i = 0; i < p.tracerouteQueries(); i++) {
            FutureTask<List<Hop>> task = new FutureTask<>(() -> SynSocketRun.trace(target, p.port(), p.maxTtl(), p.timeoutMillis()));
            tasks.add(task);
            Thread t = new Thread(task, "syn-socket-run-" + i);
            t.setDaemon(true);
            t.start();
        }
        List<TracerouteRun> runs = new ArrayList<>();
        for (Future<List<Hop>> f : tasks) {
            try {
                // each connect has its own kernel-chosen source port: the run reports none, as upstream's Windows method
                runs.add(new TracerouteRun(UUID.randomUUID().toString(), source, 0, target, p.port(), List.of(), f.get()));
            } catch (ExecutionException e) {
                throw new TracerouteException("syn_socket traceroute failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return runs;
    }

    static E2eProbe e2e(TracerouteParams p, InetAddress target) throws TracerouteException, InterruptedException {
        if (p.e2eQueries() == 0) {
            return E2eProbe.NONE;
        }
        List<Double> rtts = new ArrayList<>();
        try {
            for (int i = 0; i < p.e2eQueries(); i++) {
                if (i > 0 && p.e2eIntervalMillis() > 0) {
                    Thread.sleep(p.e2eIntervalMillis());
                }
                rtts.add(SynSocketRun.connectRtt(target, p.port(), p.timeoutMillis()));
            }
        } catch (IOException e) {
            throw new TracerouteException("syn_socket end-to-end probe failed: " + e.getMessage(), e);
        }
        return E2eProbe.of(rtts);
    }
}
