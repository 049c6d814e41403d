package io.edgeledger.nearemu;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Faults queued for the coming transaction submissions, consumed one per submission in order. */
public final class Faults {
    private final Deque<Fault> queue = new ArrayDeque<>();

    public synchronized Faults next(Fault... faults) {
        queue.addAll(Arrays.asList(faults));
        return this;
    }

    public synchronized Faults next(Fault.Kind... kinds) {
        for (Fault.Kind kind : kinds) {
            queue.add(Fault.of(kind));
        }
        return this;
    }

    public synchronized int pending() {
        return queue.size();
    }

    public synchronized void clear() {
        queue.clear();
    }

    synchronized Fault poll() {
        return queue.poll();
    }
}
