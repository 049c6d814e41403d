package io.edgeledger.probe.traceroute.result;

import java.util.ArrayList;
import java.util.List;

/**
 * End-to-end probe statistics as upstream computes them: {@code rtts} holds one entry per probe sent,
 * 0 for a lost one; loss is a fraction 0..1; jitter is the mean absolute difference between
 * consecutive received RTTs; all times in milliseconds.
 */
public record E2eProbe(List<Double> rtts, int packetsSent, int packetsReceived, double packetLossPercentage,
                       double jitter, double rttAvg, double rttMin, double rttMax) {
    public static final E2eProbe NONE = new E2eProbe(List.of(), 0, 0, 0, 0, 0, 0, 0);

    public static E2eProbe of(List<Double> rtts) {
        if (rtts.isEmpty()) {
            return NONE;
        }
        List<Double> got = new ArrayList<>();
        for (double r : rtts) {
            if (r > 0) {
                got.add(r);
            }
        }
        double loss = (double) (rtts.size() - got.size()) / rtts.size();
        if (got.isEmpty()) {
            return new E2eProbe(List.copyOf(rtts), rtts.size(), 0, loss, 0, 0, 0, 0);
        }
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        double diffs = 0;
        for (int i = 0; i < got.size(); i++) {
            double r = got.get(i);
            sum += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
            if (i > 0) {
                diffs += Math.abs(r - got.get(i - 1));
            }
        }
        double jitter = got.size() < 2 ? 0 : diffs / (got.size() - 1);
        return new E2eProbe(List.copyOf(rtts), rtts.size(), got.size(), loss, jitter, sum / got.size(), min, max);
    }
}
