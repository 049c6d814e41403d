package io.edgeledger.probe.dogstatsd;

import io.edgeledger.probe.agent.aggregator.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the raw bytes of a line's name and tags to its {@link Context} without allocating when it was seen before:
 * the common case at high rates is a few thousand contexts repeated millions of times. A {@code host:X} tag sets the
 * context's host (and is removed from its tags), as in DogStatsD. The cache is bounded; when full it starts over.
 */
final class ContextResolver {
    static final int MAX_CACHED = 200_000;

    private final Map<RawKey, Context> cache = new HashMap<>();
    private final RawKey probe = new RawKey();
    private final String defaultHost;

    ContextResolver(String defaultHost) {
        this.defaultHost = defaultHost;
    }

    Context resolve(MetricLine line) {
        probe.point(line.buf, line.nameOff, line.nameLen, line.tagsOff, line.tagsLen);
        Context ctx = cache.get(probe);
        if (ctx == null) {
            ctx = build(line);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(probe.copy(), ctx);
        }
        return ctx;
    }

    int size() {
        return cache.size();
    }

    private Context build(MetricLine line) {
        String host = defaultHost;
        List<String> tags = new ArrayList<>();
        for (String tag : line.tags()) {
            if (tag.startsWith("host:")) {
                host = tag.substring(5);
            } else {
                tags.add(tag);
            }
        }
        return Context.of(line.name(), host, tags);
    }

    /** Name and tags as two byte ranges; a stored key owns a copy, the probe key points into the packet. */
    private static final class RawKey {
        byte[] buf;
        int nameOff;
        int nameLen;
        int tagsOff;
        int tagsLen;
        int hash;

        void point(byte[] b, int nOff, int nLen, int tOff, int tLen) {
            buf = b;
            nameOff = nOff;
            nameLen = nLen;
            tagsOff = tOff;
            tagsLen = tLen;
            int h = 1;
            for (int i = nOff, e = nOff + nLen; i < e; i++) {
                h = 31 * h + b[i];
            }
            h = 31 * h + '|';
            for (int i = tOff, e = tOff + tLen; i < e; i++) {
                h = 31 * h + b[i];
            }
            hash = h;
        }

        RawKey copy() {
            byte[] own = new byte[nameLen + tagsLen];
            System.arraycopy(buf, nameOff, own, 0, nameLen);
            System.arraycopy(buf, tagsOff, own, nameLen, tagsLen);
            RawKey k = new RawKey();
            k.buf = own;
            k.nameOff = 0;
            k.nameLen = nameLen;
            k.tagsOff = nameLen;
            k.tagsLen = tagsLen;
            k.hash = hash;
            return k;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RawKey k) || k.hash != hash || k.nameLen != nameLen || k.tagsLen != tagsLen) {
                return false;
            }
            return java.util.Arrays.equals(buf, nameOff, nameOff + nameLen, k.buf, k.nameOff, k.nameOff + nameLen)
                    && java.util.Arrays.equals(buf, tagsOff, tagsOff + tagsLen, k.buf, k.tagsOff, k.tagsOff + tagsLen);
        }
    }
}
