package io.edgeledger.probe.devlog;

import io.edgeledger.probe.devlog.event.DevlogEvent;
import io.edgeledger.probe.devlog.event.EventJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends events as JSON lines to a file (batch ids are not written: the file is rolled back instead); its checkpoint
 * is the file length, so a restart can cut off an unsaved tail.
 */
public final class JsonlFileSink implements DevlogSink, AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    public JsonlFileSink(Path path) throws IOException {
        this.path = path;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    @Override
    public synchronized void accept(String batchId, List<DevlogEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(events.size() * 256);
        for (DevlogEvent e : events) {
            text.append(EventJson.toLine(e)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public synchronized String checkpoint() throws IOException {
        channel.force(false);
        return Long.toString(channel.position());
    }

    @Override
    public synchronized void restore(String checkpoint) throws IOException {
        if (checkpoint == null) {
            return;
        }
        long length = Long.parseLong(checkpoint);
        if (channel.size() > length) {
            channel.truncate(length);
        }
        channel.position(channel.size());
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.force(false);
        channel.close();
    }
}
