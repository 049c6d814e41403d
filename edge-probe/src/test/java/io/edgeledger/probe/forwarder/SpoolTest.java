package io.edgeledger.probe.forwarder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    private static byte[] rec(int i) {
        return ("record-" + i + "-" + "x".repeat(80)).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(Spool spool) {
        List<String> out = new ArrayList<>();
        for (var e = spool.peek(); e.isPresent(); e = spool.peek()) {
            out.add(new String(e.get().payload(), StandardCharsets.UTF_8).split("-x")[0].replace("x", ""));
            spool.ack(e.get());
        }
        return out;
    }

    @Test
    void deliversInOrderAndSurvivesARestartAtTheCursor() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20, 300)) {
            for (int i = 0; i < 10; i++) {
                spool.append(rec(i));
            }
            spool.ack(spool.peek().orElseThrow());
            spool.ack(spool.peek().orElseThrow());
            assertThat(spool.pendingRecords()).isEqualTo(8);
        }
        try (Spool reopened = new Spool(dir, 1 << 20, 300)) {
            assertThat(reopened.pendingRecords()).isEqualTo(8);
            assertThat(drain(reopened)).first().asString().startsWith("record-2");
            assertThat(reopened.pendingRecords()).isZero();
            reopened.append(rec(99));
            assertThat(drain(reopened)).singleElement().asString().startsWith("record-99");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".seg")).count())
                    .as("delivered sealed segments are deleted").isLessThanOrEqualTo(1);
        }
        try (Spool again = new Spool(dir, 1 << 20, 300)) {
            assertThat(again.peek()).isEmpty();
        }
    }

    @Test
    void aTornTailFromACrashIsCutOffAndTheRestKept() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20)) {
            spool.append(rec(1));
            spool.append(rec(2));
        }
        Path seg;
        try (Stream<Path> files = Files.list(dir)) {
            seg = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        // half a record: length says 500 bytes, only 3 follow
        Files.write(seg, new byte[] {0, 0, 1, (byte) 0xF4, 1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);
        try (Spool spool = new Spool(dir, 1 << 20)) {
            assertThat(spool.pendingRecords()).isEqualTo(2);
            spool.append(rec(3));
            assertThat(drain(spool)).hasSize(3).last().asString().startsWith("record-3");
        }
    }

    @Test
    void theSizeCapDropsWholeOldestSegmentsAndCountsEveryLostRecord() throws Exception {
        int appended = 200;
        try (Spool spool = new Spool(dir, 4_000, 500)) {
            for (int i = 0; i < appended; i++) {
                spool.append(rec(i));
                assertThat(spool.totalBytes()).isLessThanOrEqualTo(4_000);
            }
            assertThat(spool.droppedRecords()).isPositive();
            assertThat(spool.droppedRecords() + spool.pendingRecords()).isEqualTo(appended);
            List<String> kept = drain(spool);
            assertThat(kept).hasSize((int) (appended - spool.droppedRecords()));
            assertThat(kept).last().asString().startsWith("record-" + (appended - 1));
            // the kept ones are the newest, in order
            int first = Integer.parseInt(kept.get(0).replaceAll("\\D", ""));
            assertThat(first).isEqualTo(appended - kept.size());
        }
    }

    @Test
    void anInterruptedSubmitterNeitherLosesItsRecordNorClosesTheSpoolForOthers() throws Exception {
        try (Spool spool = new Spool(dir, 1 << 20)) {
            Thread.currentThread().interrupt(); // a check cancelled past its timeout, mid-submit
            spool.append(rec(1));
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
            Thread t = new Thread(() -> {
                for (int i = 2; i < 200; i++) {
                    spool.append(rec(i));
                }
            });
            t.start();
            for (int i = 0; i < 50; i++) {
                t.interrupt();
                Thread.sleep(1);
            }
            t.join();
            spool.append(rec(999));
            assertThat(drain(spool)).hasSize(200);
        }
    }

    @Test
    void aRecordLargerThanTheCapIsCountedAsDropped() {
        try (Spool spool = new Spool(dir, 100, 100)) {
            spool.append(new byte[200]);
            assertThat(spool.droppedRecords()).isEqualTo(1);
            assertThat(spool.peek()).isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
