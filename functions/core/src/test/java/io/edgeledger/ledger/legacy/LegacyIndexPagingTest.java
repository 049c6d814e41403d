package io.edgeledger.ledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.ledger.store.LedgerStore;
import io.edgeledger.ledger.store.s3.S3LedgerStore;
import io.edgeledger.ledger.store.s3.S3Settings;
import io.edgeledger.testing.EmbeddedS3;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sorted legacy index through the S3 API (s3proxy): 150 legacy batches in two source buckets, three databases and
 * five tables, some at the same millisecond, some of unknown time. Paged through at several sizes and filters, the
 * listing is exactly the whole index filtered and sorted (first change, batch id, bucket, prefix), each batch once; and
 * a page reads only the listing keys from its cursor on and one object per row it returns, never the whole index.
 */
class LegacyIndexPagingTest {
    private static final int BATCHES = 150;
    private static EmbeddedS3 server;
    private static S3LedgerStore s3;
    private static final List<LegacyIndexEntry> ALL = new ArrayList<>();

    @BeforeAll
    static void indexMany() {
        server = EmbeddedS3.start();
        server.createBucket("ledger");
        s3 = S3LedgerStore.open(new S3Settings(server.endpoint(), EmbeddedS3.REGION.id(), "ledger", EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY));
        LegacyIndex index = new LegacyIndex(s3);
        Random random = new Random(18);
        String[][] tables = {{"etrapdb", "orders"}, {"etrapdb", "payments"}, {"shop", "orders"}, {"shop", "public.refunds"}, {"inventory", "products"}};
        for (int i = 0; i < BATCHES; i++) {
            String[] t = tables[random.nextInt(tables.length)];
            String bucket = i % 3 == 0 ? "etrap-archive" : "etrap-bench";
            Long first = i % 29 == 0 ? null : 1_714_554_000_000L + random.nextInt(40) * 60_000L; // collisions on purpose
            String id = "BATCH-2024-05-01-" + String.format("%08x", random.nextInt()) + "-T" + (i % 4);
            LegacyIndexEntry e = new LegacyIndexEntry(id, bucket, t[0] + "/" + t[1] + "/" + id + "/", t[0], t[1], 500, "ab".repeat(32), first,
                    first == null ? null : first + 5_000, 1_714_554_100_000L, true, List.of(), "2026-12-07T00:00:00Z");
            index.put(e);
            ALL.add(e);
        }
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    private static final Comparator<LegacyIndexEntry> LISTING = Comparator
            .comparing((LegacyIndexEntry e) -> e.firstTimestampMs() == null ? -1L : e.firstTimestampMs())
            .thenComparing(LegacyIndexEntry::batchId).thenComparing(LegacyIndexEntry::sourceBucket).thenComparing(LegacyIndexEntry::s3Prefix);

    private static List<LegacyIndexEntry> expected(String database, String table, long from, long to) {
        return ALL.stream()
                .filter(e -> database == null || database.equals(e.database()))
                .filter(e -> table == null || table.equals(e.table()) || table.endsWith("." + e.table()))
                .filter(e -> e.firstTimestampMs() == null || (e.firstTimestampMs() >= from && e.firstTimestampMs() <= to))
                .sorted(LISTING).toList();
    }

    /** Every page until one comes back short; checks each position is one the API would accept as a cursor. */
    private static List<LegacyIndexEntry> walk(LedgerStore store, LegacyIndex.Filter filter, int limit) {
        LegacyIndex index = new LegacyIndex(store);
        List<LegacyIndexEntry> walked = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages <= BATCHES; pages++) {
            LegacyIndex.Page page = index.page(filter, after, limit);
            walked.addAll(page.entries());
            if (page.entries().size() < limit) {
                return walked;
            }
            assertThat(LegacyIndex.isPosition(page.lastPosition())).as(page.lastPosition()).isTrue();
            after = page.lastPosition();
        }
        throw new AssertionError("the listing never ended");
    }

    @Test
    void pagingThroughTheWholeIndexListsEveryBatchOnceInOrder() {
        for (int limit : new int[] {1, 7, 100, 1000}) {
            assertThat(walk(s3, new LegacyIndex.Filter(null, null, 0, Long.MAX_VALUE), limit)).as("limit " + limit)
                    .containsExactlyElementsOf(expected(null, null, 0, Long.MAX_VALUE)).hasSize(BATCHES);
        }
    }

    @Test
    void filtersByDatabaseTableAndTimeAreTheWholeListingFiltered() {
        long from = 1_714_554_000_000L + 10 * 60_000L;
        long to = 1_714_554_000_000L + 25 * 60_000L;
        assertThat(walk(s3, new LegacyIndex.Filter("etrapdb", null, 0, Long.MAX_VALUE), 9)).containsExactlyElementsOf(expected("etrapdb", null, 0, Long.MAX_VALUE));
        assertThat(walk(s3, new LegacyIndex.Filter("shop", "orders", from, to), 4)).isNotEmpty()
                .containsExactlyElementsOf(expected("shop", "orders", from, to));
        assertThat(walk(s3, new LegacyIndex.Filter(null, null, from, to), 13)).containsExactlyElementsOf(expected(null, null, from, to));
        // new batches name Postgres tables with their schema; the agent did not: public.orders reads its orders too
        assertThat(walk(s3, new LegacyIndex.Filter("shop", "public.orders", 0, Long.MAX_VALUE), 5))
                .containsExactlyElementsOf(expected("shop", "orders", 0, Long.MAX_VALUE));
        assertThat(walk(s3, new LegacyIndex.Filter("shop", "public.refunds", 0, Long.MAX_VALUE), 5)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.table()).isEqualTo("public.refunds"));
        assertThat(walk(s3, new LegacyIndex.Filter("nowhere", null, 0, Long.MAX_VALUE), 5)).isEmpty();
        assertThat(new LegacyIndex(s3).tables()).containsExactlyInAnyOrder(List.of("etrapdb", "orders"), List.of("etrapdb", "payments"),
                List.of("shop", "orders"), List.of("shop", "public.refunds"), List.of("inventory", "products"));
    }

    @Test
    void aPageReadsOnlyItsOwnRowsNotTheWholeIndex() {
        Counting counting = new Counting(s3);
        LegacyIndex index = new LegacyIndex(counting);
        LegacyIndex.Filter everything = new LegacyIndex.Filter(null, null, 0, Long.MAX_VALUE);
        LegacyIndex.Page first = index.page(everything, null, 10);
        String middle = first.lastPosition();
        for (int i = 0; i < 10; i++) {
            middle = index.page(everything, middle, 10).lastPosition();
        }
        counting.reset();
        LegacyIndex.Page page = index.page(everything, middle, 10);
        assertThat(page.entries()).hasSize(10);
        assertThat(counting.gets.get()).as("objects read for a page of 10").isEqualTo(10);
        // two runs of listing keys (unknown time, timed), each read up to one key past the page
        assertThat(counting.keysListed.get()).as("listing keys read for a page of 10, of " + 3 * BATCHES + " there").isLessThanOrEqualTo(2 * 11);
        assertThat(counting.fullListings.get()).as("whole listings").isZero();
    }

    /** A store that counts what a page costs (the S3 store underneath does the work). */
    private static final class Counting implements LedgerStore {
        private final LedgerStore store;
        final AtomicInteger gets = new AtomicInteger();
        final AtomicInteger keysListed = new AtomicInteger();
        final AtomicInteger fullListings = new AtomicInteger();

        Counting(LedgerStore store) {
            this.store = store;
        }

        void reset() {
            gets.set(0);
            keysListed.set(0);
            fullListings.set(0);
        }

        @Override
        public String bucket() {
            return store.bucket();
        }

        @Override
        public void put(String key, byte[] bytes, byte[] sha256) {
            store.put(key, bytes, sha256);
        }

        @Override
        public Optional<byte[]> get(String key) {
            gets.incrementAndGet();
            return store.get(key);
        }

        @Override
        public List<String> list(String prefix) {
            fullListings.incrementAndGet();
            return store.list(prefix);
        }

        @Override
        public List<String> listAfter(String prefix, String startAfter, int max) {
            List<String> keys = store.listAfter(prefix, startAfter, max);
            keysListed.addAndGet(keys.size());
            return keys;
        }
    }
}
