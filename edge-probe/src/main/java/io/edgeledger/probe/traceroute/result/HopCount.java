package io.edgeledger.probe.traceroute.result;

import java.util.List;

/** Hop count statistics over the runs. */
public record HopCount(double avg, int min, int max) {
    public static HopCount of(List<TracerouteRun> runs) {
        if (runs.isEmpty()) {
            return new HopCount(0, 0, 0);
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        long total = 0;
        for (TracerouteRun r : runs) {
            int c = r.hopCount();
            min = Math.min(min, c);
            max = Math.max(max, c);
            total += c;
        }
        return new HopCount((double) total / runs.size(), min, max);
    }
}
