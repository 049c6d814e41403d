package io.edgeledger.probe.traceroute.engine;

import io.edgeledger.probe.traceroute.result.Hop;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one traceroute over a session, in parallel (all TTLs sent at once, finished as soon as the
 * destination and every lower TTL answered or were given up on by the adaptive wait) or serially
 * (one TTL at a time, each waiting up to the timeout, stopping at the destination).
 */
public final class TraceRun {
    private final ProbeSession session;
    private final ProbeDriver driver;
    private final int maxTtl;
    private final long timeoutNanos;
    private final long sendDelayNanos;
    private final AdaptiveWait wait;
    private final SharedHopRtts shared;
    private final ReplyBoard board;
    private final List<ReplyBoard> peers;

    TraceRun(ProbeSession session, ProbeDriver driver, int maxTtl, long timeoutNanos, long sendDelayNanos,
             AdaptiveWait wait, SharedHopRtts shared, List<ReplyBoard> peers) {
        this.session = session;
        this.driver = driver;
        this.maxTtl = maxTtl;
        this.timeoutNanos = timeoutNanos;
        this.sendDelayNanos = sendDelayNanos;
        this.wait = wait;
        this.shared = shared;
        this.board = new ReplyBoard(maxTtl);
        this.peers = peers;
        peers.add(board);
        session.register(driver, (a, nanos) -> {
            board.record(a.key(), a.from(), a.destination(), nanos);
            long rtt = board.rtt(a.key());
            if (rtt >= 0) {
                shared.offer(a.key(), rtt);
                for (ReplyBoard p : peers) {
                    if (p != board) {
                        p.poke();
                    }
                }
            }
        });
    }

    public ReplyBoard board() {
        return board;
    }

    public List<Hop> parallel() throws IOException, InterruptedException {
        int lastSent = 0;
        try {
            for (int ttl = 1; ttl <= maxTtl; ttl++) {
                int dest = board.lowestDestination();
                if (dest > 0 && ttl > dest) {
                    break; // no need to probe past the destination
                }
                send(ttl);
                lastSent = ttl;
                if (sendDelayNanos > 0) {
                    Thread.sleep(sendDelayNanos / 1_000_000, (int) (sendDelayNanos % 1_000_000));
                }
            }
            while (!board.aborted()) {
                long next = nextDeadline(lastSent, System.nanoTime());
                if (next == Long.MAX_VALUE) {
                    break;
                }
                board.awaitUntil(next);
            }
            return hops(lastSent);
        } finally {
            session.unregister(driver);
        }
    }

    public List<Hop> serial() throws IOException, InterruptedException {
        int lastSent = 0;
        try {
            for (int ttl = 1; ttl <= maxTtl; ttl++) {
                send(ttl);
                lastSent = ttl;
                long deadline = board.sentAt(ttl) + timeoutNanos;
                while (!answered(ttl) && !board.aborted() && System.nanoTime() < deadline) {
                    board.awaitUntil(deadline);
                }
                if (board.lowestDestination() > 0 || board.aborted()) {
                    break;
                }
                if (sendDelayNanos > 0) {
                    Thread.sleep(sendDelayNanos / 1_000_000, (int) (sendDelayNanos % 1_000_000));
                }
            }
            return hops(lastSent);
        } finally {
            session.unregister(driver);
        }
    }

    private boolean answered(int ttl) {
        board.lock().lock();
        try {
            return board.answered(ttl);
        } finally {
            board.lock().unlock();
        }
    }

    private void send(int ttl) throws IOException {
        byte[] p = driver.packet(ttl, ttl);
        board.markSent(ttl, System.nanoTime());
        session.send(p);
    }

    /** Earliest time a pending TTL will be given up on, or Long.MAX_VALUE when the path is known. */
    private long nextDeadline(int lastSent, long now) {
        board.lock().lock();
        try {
            int dest = board.lowestDestination();
            int upTo = dest > 0 ? dest - 1 : lastSent;
            long earliest = Long.MAX_VALUE;
            for (int t = 1; t <= upTo; t++) {
                if (board.answered(t)) {
                    continue;
                }
                long deadline = board.sentAt(t) + wait.waitNanos(timeoutNanos, here(t), near(t, lastSent));
                if (deadline > now) {
                    earliest = Math.min(earliest, deadline);
                }
            }
            return earliest;
        } finally {
            board.lock().unlock();
        }
    }

    private long here(int ttl) {
        return shared.get(ttl);
    }

    /** RTT of the nearest farther TTL that answered (the NEAR part of the wait). */
    private long near(int ttl, int lastSent) {
        for (int t = ttl + 1; t <= lastSent; t++) {
            if (board.answered(t)) {
                return board.rtt(t);
            }
        }
        return -1;
    }

    private List<Hop> hops(int lastSent) {
        board.lock().lock();
        try {
            int dest = board.lowestDestination();
            int last = dest > 0 ? dest : lastSent;
            List<Hop> hops = new ArrayList<>(last);
            for (int t = 1; t <= last; t++) {
                InetAddress a = board.from(t);
                hops.add(new Hop(t, a, a == null ? 0 : board.rtt(t) / 1e6, a != null, List.of(), board.isDestination(t)));
            }
            return hops;
        } finally {
            board.lock().unlock();
        }
    }
}
