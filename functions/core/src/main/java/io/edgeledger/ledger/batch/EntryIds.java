package io.edgeledger.ledger.batch;

/** Redis Stream entry ids, {@code <ms>-<seq>}. */
public final class EntryIds {
    private EntryIds() {}

    /** The id's millisecond part; IllegalArgumentException names a malformed id. */
    public static long millis(String entryId) {
        if (entryId == null) {
            throw new IllegalArgumentException("missing stream entry id");
        }
        int dash = entryId.indexOf('-');
        try {
            if (dash <= 0 || dash == entryId.length() - 1) {
                throw new NumberFormatException();
            }
            long ms = Long.parseUnsignedLong(entryId.substring(0, dash));
            Long.parseUnsignedLong(entryId.substring(dash + 1));
            return ms;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Redis stream entry id (expected <ms>-<seq>): " + entryId);
        }
    }
}
