package io.edgeledger.probe.agent.checks.devlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgeledger.probe.agent.check.BaseCheck;
import io.edgeledger.probe.agent.check.Sender;
import io.edgeledger.probe.agent.config.ConfigException;
import io.edgeledger.probe.agent.config.ConfigNode;
import io.edgeledger.probe.devlog.DevlogCollector;
import io.edgeledger.probe.devlog.DevlogCounters;
import io.edgeledger.probe.devlog.DevlogSink;
import io.edgeledger.probe.devlog.Sources;
import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import io.edgeledger.wire.EventsPayload;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.RawJson;
import io.edgeledger.wire.SessionEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code devlog}: hosts the devlog collector (DESIGN.md 2.4). The collector runs on its own threads from the first
 * run on and hands every batch of events to the forwarder as an {@code /v1/ingest/events} payload under the
 * collector's batch id (fsynced in the spool before the collector saves its offsets; a batch interrupted in between
 * is handed over again with the same id, so a restart neither drops nor repeats). Each scheduled run reports the
 * collector's counters as metrics.
 */
public final class DevlogCheck extends BaseCheck {
    public static final String NAME = "devlog";

    private final Path stateRoot;
    private final Consumer<IngestPayload> events;
    private Path home;
    private Set<String> agents;
    private DevlogCollector collector;
    private volatile Thread starter;

    /**
     * @param stateRoot where offsets live (one sub-directory per instance)
     * @param events    where event payloads go: the forwarder in the agent, a recorder in {@code edge-probe check}
     */
    public DevlogCheck(Path stateRoot, Consumer<IngestPayload> events) {
        super(NAME);
        this.stateRoot = stateRoot;
        this.events = events;
    }

    @Override
    protected void configureInstance(ConfigNode initConfig, ConfigNode instance) throws ConfigException {
        home = Path.of(instance.string("home", System.getProperty("user.home")));
        List<String> wanted = instance.stringList("agents");
        Set<String> known = new HashSet<>(Sources.agentIds());
        for (String a : wanted) {
            if (!known.contains(a)) {
                throw instance.error("agents", "unknown agent '" + a + "' (known: " + Sources.agentIds() + ")");
            }
        }
        agents = wanted.isEmpty() ? known : Set.copyOf(wanted);
    }

    @Override
    protected synchronized void collect(Sender sender) throws Exception {
        if (collector == null) {
            String probeId = sender.probeId();
            DevlogSink sink = (batchId, batch) -> {
                List<SessionEvent> wire = new ArrayList<>(batch.size());
                for (DevlogEvent e : batch) {
                    wire.add(sessionEvent(e));
                }
                try {
                    // the collector's batch id, not a random one: a batch handed over again after a crash keeps it
                    events.accept(new EventsPayload(batchId, probeId, wire));
                } catch (UncheckedIOException e) {
                    throw e.getCause(); // the spool could not write (disk full): the collector keeps the batch and retries
                }
            };
            DevlogCollector.Options options = DevlogCollector.Options.defaults()
                    .withProgress(new PrintStream(OutputStream.nullOutputStream()))
                    .withWarnings(this::warn);
            collector = new DevlogCollector(home, stateRoot.resolve("devlog").resolve(id().replace(':', '-')), agents,
                    sink, options);
            // backfill, then tail, beside the scheduled runs: a large history takes longer than a run may (the run
            // timeout would interrupt the backfill and leave a collector that never tails)
            DevlogCollector started = collector;
            starter = Thread.ofPlatform().name("devlog-start").daemon().start(() -> start(started));
        }
        DevlogCounters c = collector.counters();
        sender.monotonicCount("devlog.events", c.events(), tags());
        sender.monotonicCount("devlog.bytes_read", c.bytes(), tags());
        sender.monotonicCount("devlog.warnings", c.warnings(), tags());
    }

    /**
     * The collector's event as the wire carries it: {@code data} written here once, then sent as that text. Written as
     * bytes, as the forwarder writes the payload: Jackson escapes a character past U+FFFF (an emoji) there, and the
     * text must be what writing the tree in place gave.
     */
    public static SessionEvent sessionEvent(DevlogEvent e) {
        String data;
        try {
            data = new String(EventJson.MAPPER.writeValueAsBytes(e.data()), StandardCharsets.UTF_8);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event data not serializable: " + e.id(), ex);
        }
        return new SessionEvent(e.id(), e.timestamp(), e.eventType(), e.agentId(), e.agentVersion(), e.sessionId(),
                e.projectPath(), e.model(), new RawJson(data), e.machine());
    }


    private void start(DevlogCollector started) {
        try {
            started.start();
        } catch (IOException | RuntimeException e) {
            warn("devlog: cannot start the collector (" + e.getMessage() + "), trying again at the next run");
            synchronized (this) {
                if (collector == started) {
                    collector = null;
                    try {
                        started.close();
                    } catch (IOException closing) {
                        warn("devlog: " + closing.getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        }
    }

    /** Waits until the history is read and everything read so far reached the payload consumer (for {@code edge-probe check}). */
    public boolean awaitDelivered(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread s = starter;
        if (s != null) {
            s.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        DevlogCollector c = collector;
        return c != null && c.awaitDelivered(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    public synchronized void stop() throws IOException {
        if (collector != null) {
            collector.close();
            collector = null;
        }
    }
}
