package io.edgeledger.cdc.streams;

/** A stream entry id {@code <ms>-<seq>}: ordered numerically, and the ms is Redis's arrival time. */
public record EntryId(long millis, long sequence) implements Comparable<EntryId> {

    public static EntryId parse(String text) {
        int dash = text.indexOf('-');
        try {
            return dash < 0
                    ? new EntryId(Long.parseUnsignedLong(text), 0)
                    : new EntryId(Long.parseUnsignedLong(text.substring(0, dash)), Long.parseUnsignedLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream entry id: " + text);
        }
    }

    @Override
    public int compareTo(EntryId other) {
        int byMillis = Long.compareUnsigned(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
}
