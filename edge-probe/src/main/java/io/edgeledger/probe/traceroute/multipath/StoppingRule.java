package io.edgeledger.probe.traceroute.multipath;

import java.util.ArrayList;
import java.util.List;

/**
 * The MDA stopping rule: having seen k - 1 next hops of a vertex, send n_k probes through it before ruling
 * out a k-th.
 *
 * <p>The published table (Augustin et al. 2007; Paris traceroute and scamper's tracelb: 6, 11, 16, 21, 27, 33,
 * 38 … at 95 %) sizes each n_k for its own test alone: n_k probes over k equally likely next hops miss one
 * with probability at most 1 - confidence. But a vertex's next hops are found by a sequence of those tests,
 * any of which may stop early, so the chances add up (Veitch, Augustin, Teixeira, Friedman: "Failure control
 * in multipath route tracing", 2009): with the published table a vertex with 4 next hops is left incomplete
 * 10.2 % of the time at 90 %, one with 8 next hops 5.01 % of the time at 95 %. Here n_k is the smallest count
 * for which the whole sequence, run on a vertex with k equally likely next hops, misses one with probability
 * at most 1 - confidence ({@link #missedNextHopProbability}, exact). That is the published table wherever it
 * already keeps this promise (k up to 7 at 95 %, up to 25 at 99 %) and a probe more where it does not (39 for
 * k = 8 at 95 %, 14 for k = 4 at 90 %).
 */
public final class StoppingRule {
    /**
     * The exact computation costs about 7 k^2 steps per k. Past this many next hops (wider than real load
     * balancers; a network answering from a new address per probe gets there) each n_k is the single test's
     * union bound k (1 - 1/k)^n, which asks for a few probes more than the exact rule (3 more at k = 128).
     */
    static final int EXACT_UP_TO = 128;

    private final double confidence;
    private final double alpha;
    private final List<Integer> table = new ArrayList<>(List.of(0, 1));

    /** {@code confidencePercent} in [50, 99.9]. */
    public StoppingRule(double confidencePercent) {
        if (!(confidencePercent >= 50 && confidencePercent <= 99.9)) {
            throw new IllegalArgumentException("multipath confidence must be between 50 and 99.9 %, got "
                    + confidencePercent);
        }
        this.confidence = confidencePercent;
        this.alpha = 1 - confidencePercent / 100;
    }

    public double confidencePercent() {
        return confidence;
    }

    /** n_k: probes through one vertex that rule out a k-th next hop (k >= 1; n_1 = 1). */
    public synchronized int probes(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k >= 1");
        }
        while (table.size() <= k) {
            int next = table.size();
            table.add(next <= EXACT_UP_TO ? exactStoppingPoint(next) : unionBound(next));
        }
        return table.get(k);
    }

    /**
     * Probability that the rule leaves a vertex with {@code k} equally likely next hops incomplete: that
     * with j of them seen after n_(j+1) probes, j < k, it stops.
     */
    public double missedNextHopProbability(int k) {
        int last = probes(k);
        double[] seen = firstProbe(k);
        double missed = 0;
        for (int n = 1; n <= last; n++) {
            missed += stopsAt(seen, n, k);
            if (n < last) {
                probe(seen, k);
            }
        }
        return missed;
    }

    /** Smallest n_k above n_(k-1) for which the sequence misses a next hop of a k-way vertex at most alpha. */
    private int exactStoppingPoint(int k) {
        int previous = table.get(k - 1);
        double[] seen = firstProbe(k);
        double missed = 0;
        for (int n = 1; ; n++) {
            missed += stopsAt(seen, n, k - 1); // the tests before the last one, each at its own n_j
            if (n > previous && missed + seen[k - 1] <= alpha) {
                return n; // stopping here with k - 1 seen would miss the k-th
            }
            probe(seen, k);
        }
    }

    /** seen[j]: probability of j distinct next hops after the first probe (of k). */
    private static double[] firstProbe(int k) {
        double[] seen = new double[k + 1];
        seen[1] = 1;
        return seen;
    }

    /** Removes and returns the mass that stops after n probes with fewer than {@code below} + 1 seen. */
    private double stopsAt(double[] seen, int n, int below) {
        double stopped = 0;
        for (int j = 1; j < below; j++) {
            if (n >= table.get(j + 1) && seen[j] > 0) {
                stopped += seen[j];
                seen[j] = 0;
            }
        }
        return stopped;
    }

    /** One more probe: from j seen, a new next hop with probability (k - j) / k. */
    private static void probe(double[] seen, int k) {
        for (int j = k - 1; j >= 1; j--) {
            seen[j + 1] += seen[j] * (k - j) / k;
            seen[j] = seen[j] * j / k;
        }
    }

    private int unionBound(int k) {
        int n = (int) Math.ceil(Math.log(alpha / k) / Math.log(1 - 1.0 / k));
        return Math.max(n, table.get(k - 1) + 1);
    }
}
