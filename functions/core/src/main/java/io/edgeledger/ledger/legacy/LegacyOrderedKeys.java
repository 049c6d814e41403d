package io.edgeledger.ledger.legacy;

import io.edgeledger.ledger.store.LedgerStore;
import java.util.ArrayDeque;

/**
 * One sorted run of a scope's listing keys, read a page of keys at a time from a start key on ({@link LegacyIndex#page}
 * merges the runs of the scopes it reads): the batches of unknown time, or the timed ones from {@code from} (the
 * listing starts there, skipping earlier keys without reading them) up to {@code to} (the first later key ends it).
 * {@link #peek} gives the key's part after the scope: the position plus the object name, the same in every scope.
 */
final class LegacyOrderedKeys {
    private final LedgerStore ledger;
    private final String scopeRoot;
    private final String prefix;
    private final String lastTime;
    private final int pageSize;
    private final ArrayDeque<String> keys = new ArrayDeque<>();
    private String startAfter;
    private boolean listedAll;

    private LegacyOrderedKeys(LedgerStore ledger, String scopeRoot, String prefix, String startAfter, String lastTime, int limit) {
        this.ledger = ledger;
        this.scopeRoot = scopeRoot;
        this.prefix = prefix;
        this.startAfter = startAfter;
        this.lastTime = lastTime;
        this.pageSize = Math.min(1000, limit + 1);
    }

    /** The scope's batches of unknown time after {@code after} (none when {@code after} is past them). */
    static LegacyOrderedKeys unknownTime(LedgerStore ledger, String scope, String after, int limit) {
        String root = LegacyOrder.ROOT + scope;
        LegacyOrderedKeys keys = new LegacyOrderedKeys(ledger, root, root + "-/", after == null ? null : root + after + LegacyOrder.OBJECT, null, limit);
        keys.listedAll = after != null && !after.startsWith("-/");
        return keys;
    }

    /** The scope's batches whose (listed) first change lies in [from, to], after {@code after}. */
    static LegacyOrderedKeys timed(LedgerStore ledger, String scope, String after, long fromMs, long toMs, int limit) {
        String root = LegacyOrder.ROOT + scope;
        String from = root + LegacyOrder.time(fromMs); // every key of that time or later sorts after it, every "-" key before
        String start = after == null || after.startsWith("-/") || (root + after + LegacyOrder.OBJECT).compareTo(from) < 0 ? from
                : root + after + LegacyOrder.OBJECT;
        return new LegacyOrderedKeys(ledger, root, root, start, LegacyOrder.time(toMs), limit);
    }

    String peek() {
        fill();
        return keys.isEmpty() ? null : keys.peekFirst().substring(scopeRoot.length());
    }

    /** The full key of {@link #peek}'s entry, which is consumed. */
    String take() {
        fill();
        return keys.pollFirst();
    }

    private void fill() {
        while (keys.isEmpty() && !listedAll) {
            var page = ledger.listAfter(prefix, startAfter, pageSize);
            listedAll = page.size() < pageSize;
            for (String key : page) {
                startAfter = key;
                String suffix = key.substring(scopeRoot.length());
                if (lastTime != null && suffix.substring(0, Math.min(suffix.length(), lastTime.length())).compareTo(lastTime) > 0) {
                    listedAll = true; // later than 'to': so is every key after it
                    return;
                }
                if (key.endsWith("/" + LegacyOrder.OBJECT)) {
                    keys.addLast(key);
                }
            }
        }
    }
}
