package io.edgeledger.probe.agent.check;

import io.edgeledger.wire.IngestPayload;
import java.util.List;

/**
 * What a check reports through, like Datadog's sender: metric samples (aggregated per context and committed when the
 * run ends) and whole payloads such as a traceroute result. The check's host and instance tags are added for it.
 */
public interface Sender {
    void gauge(String metric, double value, List<String> tags);

    void count(String metric, double value, List<String> tags);

    void rate(String metric, double value, List<String> tags);

    void monotonicCount(String metric, double value, List<String> tags);

    void histogram(String metric, double value, List<String> tags);

    /** A service check ({@link ServiceCheck#OK} .. {@link ServiceCheck#UNKNOWN}), stamped now, on this host. */
    void serviceCheck(String name, int status, List<String> tags, String message);

    /** An event; an empty host or a zero timestamp is filled with this probe's host and now. */
    void event(Event event);

    /** A non-metric payload (traceroute result, events) to forward as is. */
    void submit(IngestPayload payload);

    /** The probe id payloads must carry. */
    String probeId();
}
