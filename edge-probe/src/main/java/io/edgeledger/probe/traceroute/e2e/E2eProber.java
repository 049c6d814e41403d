package io.edgeledger.probe.traceroute.e2e;

import io.edgeledger.probe.traceroute.engine.ProbeDriver;
import io.edgeledger.probe.traceroute.engine.ProbeSession;
import io.edgeledger.probe.traceroute.engine.ReplyBoard;
import io.edgeledger.probe.traceroute.result.E2eProbe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end probe (-Q): {@code count} probes straight to the destination (IP TTL = max TTL),
 * one every {@code intervalMillis}, each waited for up to the timeout; lost ones count as 0 RTT, as
 * upstream. Runs beside the traceroute runs on the same session.
 */
public final class E2eProber {
    private E2eProber() {}

    public static E2eProbe run(ProbeSession session, ProbeDriver driver, int count, int ttl, int intervalMillis,
                               long timeoutNanos) throws IOException, InterruptedException {
        if (count == 0) {
            return E2eProbe.NONE;
        }
        ReplyBoard board = new ReplyBoard(count);
        session.register(driver, (a, nanos) -> board.record(a.key(), a.from(), a.destination(), nanos));
        try {
            for (int k = 1; k <= count; k++) {
                byte[] p = driver.packet(k, ttl);
                board.markSent(k, System.nanoTime());
                session.send(p);
                if (intervalMillis > 0 && k < count) {
                    Thread.sleep(intervalMillis);
                }
            }
            for (int k = 1; k <= count; k++) {
                long deadline = board.sentAt(k) + timeoutNanos;
                while (System.nanoTime() < deadline && !answered(board, k)) {
                    board.awaitUntil(deadline);
                }
            }
            List<Double> rtts = new ArrayList<>(count);
            board.lock().lock();
            try {
                for (int k = 1; k <= count; k++) {
                    boolean ok = board.answered(k) && board.isDestination(k);
                    // a lost probe is 0; a received one never rounds to 0 so it still counts as received
                    rtts.add(ok ? Math.max(board.rtt(k) / 1e6, 0.001) : 0.0);
                }
            } finally {
                board.lock().unlock();
            }
            return E2eProbe.of(rtts);
        } finally {
            session.unregister(driver);
        }
    }

    private static boolean answered(ReplyBoard board, int k) {
        board.lock().lock();
        try {
            return board.answered(k);
        } finally {
            board.lock().unlock();
        }
    }
}
