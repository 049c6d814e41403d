package io.edgeledger.cdc.batcher;

import java.util.UUID;

/**
 * Consumer names for batchers that may run side by side. Two batchers under one name would read the same
 * pending list and seal the same entries twice, so with Lambda concurrency above 1 every container reads as its
 * own consumer: the configured name plus the container's id. The name lasts as long as the container, so a warm
 * container's next invocation re-reads what its failed run left pending at once; a container that is gone leaves
 * its entries to be reclaimed by another after the visibility timeout (XAUTOCLAIM), as for any dead batcher.
 */
public final class ConsumerNames {
    private ConsumerNames() {}

    /**
     * {@code base-<id>}: the id is the hex tail of the container's log stream name ({@code AWS_LAMBDA_LOG_STREAM_NAME},
     * {@code 2026/12/07/[$LATEST]5f1e...}: unique per container, and it names the logs to read when a consumer
     * misbehaves); without one, a random id.
     */
    public static String perContainer(String base, String logStreamName) {
        String id = null;
        if (logStreamName != null) {
            String tail = logStreamName.substring(logStreamName.lastIndexOf(']') + 1).replaceAll("[^0-9A-Za-z]", "");
            if (!tail.isEmpty()) {
                id = tail;
            }
        }
        if (id == null) {
            id = UUID.randomUUID().toString().replace("-", "");
        }
        return base + "-" + id;
    }
}
