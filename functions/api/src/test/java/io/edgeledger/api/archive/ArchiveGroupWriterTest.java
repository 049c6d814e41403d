package io.edgeledger.api.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.testing.EmbeddedS3;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The group commit against a real S3 API (s3proxy): concurrent writers share one object, every caller returns only
 * after its object is stored, and a failed write fails every caller of that group. A long linger with a group size
 * of N makes the grouping deterministic: the object is written exactly when the N-th record arrives.
 */
class ArchiveGroupWriterTest {
    private static final String BUCKET = "group-test";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private final ObjectMapper json = new ObjectMapper();
    private EmbeddedS3 s3;
    private S3Client client;
    private ArchiveStore store;

    @BeforeEach
    void start() {
        s3 = EmbeddedS3.start();
        client = s3.client();
        store = new ArchiveStore(client, BUCKET);
    }

    @AfterEach
    void stop() {
        client.close();
        s3.close();
    }

    @Test
    void concurrentWritesBecomeOneObjectThatReadersFind() throws Exception {
        ArchiveGroupWriter writer = writer(4, Duration.ofSeconds(60));
        List<String> failures = writeConcurrently(writer, 4, i -> record("p-" + i, "b-" + i, DAY));
        assertThat(failures).isEmpty();

        List<String> objects = store.keys(ArchiveStore.groupPrefix("metrics", DAY), 100);
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0)).startsWith("grouped/metrics/2026-11-28/").endsWith(".ndjson");
        List<ArchiveLines.Line> lines = ArchiveLines.decode(json, store.get(objects.get(0)));
        assertThat(lines).extracting(ArchiveLines.Line::batchId).containsExactlyInAnyOrder("b-0", "b-1", "b-2", "b-3");
        assertThat(lines).allSatisfy(l -> assertThat(l.payload().path("batch_id").asText()).isEqualTo(l.batchId()));

        ArchiveReader reader = new ArchiveReader(store, json);
        assertThat(reader.daily("metrics", List.of("p-0", "p-1", "p-2", "p-3"), List.of(DAY)))
                .extracting(ArchiveReader.Archived::probeId).containsExactlyInAnyOrder("p-0", "p-1", "p-2", "p-3");
        assertThat(reader.daily("metrics", List.of("p-2"), List.of(DAY)))
                .extracting(a -> a.payload().path("batch_id").asText()).containsExactly("b-2");
        assertThat(reader.daily("metrics", List.of("p-2"), List.of(DAY.minusDays(1)))).isEmpty();
        assertThat(reader.daily("traceroute", List.of("p-2"), List.of(DAY))).isEmpty();
    }

    @Test
    void aFullGroupIsWrittenEvenWhileAnotherIsInFlight() throws Exception {
        ArchiveGroupWriter writer = writer(2, Duration.ofSeconds(60));
        assertThat(writeConcurrently(writer, 4, i -> record("p-" + i, "b-" + i, DAY))).isEmpty();
        List<String> objects = store.keys(ArchiveStore.groupPrefix("metrics", DAY), 100);
        assertThat(objects).hasSize(2);
        for (String key : objects) {
            assertThat(ArchiveLines.decode(json, store.get(key))).hasSize(2);
        }
    }

    @Test
    void aLoneRecordIsWrittenWhenTheLingerEnds() throws Exception {
        ArchiveGroupWriter writer = writer(100, Duration.ofMillis(200));
        writer.write(List.of(record("p-1", "alone", DAY)));
        assertThat(store.keys(ArchiveStore.groupPrefix("metrics", DAY), 100)).hasSize(1);
    }

    @Test
    void recordsOfDifferentDaysGoToTheirOwnDays() throws Exception {
        ArchiveGroupWriter writer = writer(2, Duration.ofSeconds(60));
        assertThat(writeConcurrently(writer, 2, i -> record("p-" + i, "b-" + i, DAY.plusDays(i)))).isEmpty();
        assertThat(store.keys(ArchiveStore.groupPrefix("metrics", DAY), 100)).hasSize(1);
        assertThat(store.keys(ArchiveStore.groupPrefix("metrics", DAY.plusDays(1)), 100)).hasSize(1);
    }

    @Test
    void aFailedWriteFailsEveryRequestOfTheGroupWith503() throws Exception {
        ArchiveGroupWriter writer = writer(4, Duration.ofSeconds(60));
        s3.close(); // the S3 API goes away: the PUT of the group cannot succeed
        List<String> failures = writeConcurrently(writer, 4, i -> record("p-" + i, "b-" + i, DAY));
        assertThat(failures).hasSize(4).allSatisfy(f -> assertThat(f).startsWith("503 archive_unavailable"));
    }

    private ArchiveGroupWriter writer(int maxRecords, Duration linger) {
        return new ArchiveGroupWriter(store, json, Clock.systemUTC(),
                new ArchiveGroupWriter.Limits(maxRecords, 8 << 20, 1, linger, Duration.ofSeconds(60)));
    }

    private ArchiveRecord record(String probe, String batch, LocalDate day) {
        return new ArchiveRecord("metrics", probe, batch, null, day,
                json.createObjectNode().put("batch_id", batch).put("probe_id", probe).set("series", json.createArrayNode()));
    }

    /** Starts n writers at once; returns "status code" of each that failed. */
    private List<String> writeConcurrently(ArchiveGroupWriter writer, int n, java.util.function.IntFunction<ArchiveRecord> records)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                ArchiveRecord record = records.apply(i);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        writer.write(List.of(record));
                        return null;
                    } catch (ApiException e) {
                        return e.status() + " " + e.code() + " " + e.getMessage();
                    }
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> result : results) {
                String failure = result.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
            return failures;
        }
    }
}
