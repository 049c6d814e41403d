package io.edgeledger.probe.traceroute.multipath;

import java.util.ArrayList;
import java.util.List;

/**
 * The MDA stopping rule (Veitch, Augustin, Friedman, Teixeira: "Failure control in multipath route
 * tracing", 2009): having seen k - 1 next hops of a vertex, send n_k probes through it before ruling
 * out a k-th. n_k is the smallest n for which n probes spread evenly over k next hops miss at least one
 * of them with probability at most 1 - confidence (inclusion–exclusion). At 95 % this gives
 * 6, 11, 16, 21, 27, 33, 38, … for k = 2, 3, 4, 5, 6, 7, 8: the table Paris traceroute and scamper use.
 */
public final class StoppingRule {
    /** Beyond this many next hops the alternating sum loses precision: the union bound (more probes) is used. */
    private static final int EXACT_UP_TO = 100;

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
            int n = table.get(next - 1);
            while (missProbability(next, n) > alpha) {
                n++;
            }
            table.add(n);
        }
        return table.get(k);
    }

    /** Probability that n probes spread evenly over k next hops leave at least one unseen. */
    static double missProbability(int k, int n) {
        if (k > EXACT_UP_TO) {
            return k * Math.pow(1 - 1.0 / k, n);
        }
        double sum = 0;
        double binomial = 1;
        for (int i = 1; i < k; i++) {
            binomial = binomial * (k - i + 1) / i;
            double term = binomial * Math.pow(1 - (double) i / k, n);
            sum += (i % 2 == 1) ? term : -term;
        }
        return sum;
    }
}
