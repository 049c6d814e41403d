package io.edgeledger.probe.devlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slow or failing sink makes reading wait; nothing is dropped. */
class DevlogBackpressureTest {
    @TempDir
    Path tmp;

    @Test
    void fullBufferBlocksThePutUntilDrained() throws Exception {
        EventBuffer buffer = new EventBuffer(3);
        List<DevlogEvent> three = events(3);
        buffer.put(new EventBuffer.Batch(three, new EventBuffer.Checkpoint("a", null)));
        CountDownLatch putDone = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                buffer.put(new EventBuffer.Batch(events(1), new EventBuffer.Checkpoint("b", null)));
                putDone.countDown();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        assertThat(putDone.await(300, TimeUnit.MILLISECONDS)).as("put into a full buffer must block").isFalse();
        assertThat(buffer.drain(0)).hasSize(1);
        assertThat(putDone.await(5, TimeUnit.SECONDS)).as("put proceeds once drained").isTrue();
        producer.join();
        assertThat(failure.get()).isNull();
        assertThat(buffer.drain(0)).singleElement().satisfies(b -> assertThat(b.position().path()).isEqualTo("b"));
    }

    @Test
    void slowAndFailingSinkLosesNothing() throws Exception {
        Path fixtureHome = SharedData.resolve("fixtures/agent-logs/home");
        Path home = tmp.resolve("home");
        copyTree(fixtureHome.resolve(".claude"), home.resolve(".claude"));
        copyTree(fixtureHome.resolve(".codex"), home.resolve(".codex"));
        AtomicInteger calls = new AtomicInteger();
        List<DevlogEvent> delivered = new ArrayList<>();
        DevlogSink sink = (batchId, events) -> {
            if (calls.incrementAndGet() % 3 == 0) {
                throw new IOException("backend down (test)");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.addAll(events);
        };
        List<String> warnings = new ArrayList<>();
        DevlogCollector.Options options = DevlogCollector.Options.defaults().withMachine(null).withProgress(null)
                .withBufferCapacity(2).withWarnings(w -> {
                    synchronized (warnings) {
                        warnings.add(w);
                    }
                });
        try (DevlogCollector collector = new DevlogCollector(home, tmp.resolve("state"), Set.of(), sink, options)) {
            collector.pollOnce();
        }
        List<DevlogEvent> expected = new DevlogReplay(w -> { }).readAll(home, Set.of());
        assertThat(CollectingSink.upsert(delivered)).isEqualTo(CollectingSink.upsert(expected));
        assertThat(warnings).anyMatch(w -> w.contains("sink rejected") && w.contains("retrying"));
    }

    private static List<DevlogEvent> events(int n) {
        List<DevlogEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new DevlogEvent("id" + i, "2026-01-01T00:00:00.000Z", "user_message", "claude-code", null, "s", null, null,
                    io.edgeledger.probe.devlog.event.Events.text("x"), null));
        }
        return list;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".expected.json")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
