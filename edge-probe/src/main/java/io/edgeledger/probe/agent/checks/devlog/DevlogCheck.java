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
import io.edgeledger.wire.BatchIds;
import io.edgeledger.wire.EventsPayload;
import io.edgeledger.wire.IngestPayload;
import io.edgeledger.wire.RawJson;
import io.edgeledger.wire.SessionEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code devlog}: hosts the devlog collector (DESIGN.md 2.4). The collector runs on its own threads from the first
 * run on and hands every batch of events to the forwarder as an {@code /v1/ingest/events} payload (fsynced in the
 * spool before the collector saves its offsets, so a restart neither drops nor repeats). Each scheduled run reports
 * the collector's counters as metrics.
 */
public final class DevlogCheck extends BaseCheck {
    public static final String NAME = "devlog";

    private final Path stateRoot;
    private final Consumer<IngestPayload> events;
    private Path home;
    private Set<String> agents;
    private DevlogCollector collector;

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
            DevlogSink sink = batch -> {
                List<SessionEvent> wire = new ArrayList<>(batch.size());
                for (DevlogEvent e : batch) {
                    wire.add(sessionEvent(e));
                }
                events.accept(new EventsPayload(BatchIds.newBatchId(), probeId, wire));
            };
            DevlogCollector.Options options = DevlogCollector.Options.defaults()
                    .withProgress(new PrintStream(OutputStream.nullOutputStream()))
                    .withWarnings(this::warn);
            collector = new DevlogCollector(home, stateRoot.resolve("devlog").resolve(id().replace(':', '-')), agents,
                    sink, options);
            collector.start(); // backfills history first, then tails
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

    /** Waits until everything read so far reached the payload consumer (used by {@code edge-probe check}). */
    public boolean awaitDelivered(long seconds) throws InterruptedException {
        return collector != null && collector.awaitDelivered(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    public synchronized void stop() throws IOException {
        if (collector != null) {
            collector.close();
            collector = null;
        }
    }
}
