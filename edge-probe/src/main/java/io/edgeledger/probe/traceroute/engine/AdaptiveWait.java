package io.edgeledger.probe.traceroute.engine;

/**
 * How long a parallel run keeps waiting for a hop, like Linux traceroute's {@code -w MAX,HERE,NEAR}:
 * a probe is given up on after MAX (the probe timeout), or earlier after HERE times the RTT already
 * seen at the same TTL (in a concurrent run), or NEAR times the RTT of the nearest farther hop that
 * answered. {@code minWaitMillis} is a floor under the adaptive part so that a busy machine does not
 * give up on replies still sitting in the capture queue. HERE = NEAR = 0 switches adaptation off
 * (always wait the full timeout, as upstream does).
 */
public record AdaptiveWait(double here, double near, double minWaitMillis) {
    public static final AdaptiveWait DEFAULT = new AdaptiveWait(3, 10, 10);
    public static final AdaptiveWait OFF = new AdaptiveWait(0, 0, 0);

    public AdaptiveWait {
        if (here < 0 || near < 0 || minWaitMillis < 0) {
            throw new IllegalArgumentException("adaptive wait factors must be >= 0");
        }
    }

    /** Parses "HERE,NEAR" or "HERE,NEAR,MIN_MS". */
    public static AdaptiveWait parse(String s) {
        String[] p = s.split(",");
        try {
            if (p.length == 2) {
                return new AdaptiveWait(Double.parseDouble(p[0]), Double.parseDouble(p[1]), DEFAULT.minWaitMillis);
            }
            if (p.length == 3) {
                return new AdaptiveWait(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
            }
        } catch (NumberFormatException e) {
            // fall through to the usage message
        }
        throw new IllegalArgumentException("--wait expects HERE,NEAR[,MIN_MS] (e.g. 3,10,10), got '" + s + "'");
    }

    /**
     * Wait in nanoseconds for a probe, given the timeout and the RTTs known so far (-1 when unknown).
     */
    long waitNanos(long timeoutNanos, long hereRttNanos, long nearRttNanos) {
        double best = Double.MAX_VALUE;
        if (here > 0 && hereRttNanos >= 0) {
            best = Math.min(best, here * hereRttNanos);
        }
        if (near > 0 && nearRttNanos >= 0) {
            best = Math.min(best, near * nearRttNanos);
        }
        if (best == Double.MAX_VALUE) {
            return timeoutNanos;
        }
        best = Math.max(best, minWaitMillis * 1_000_000.0);
        return (long) Math.min(best, timeoutNanos);
    }
}
