package io.edgeledger.probe.datadog;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One POST to a Datadog intake, body already compressed ({@code encoding} is its {@code Content-Encoding}); also the
 * record an endpoint keeps in its spool.
 */
public record DatadogRequest(String path, String encoding, int items, byte[] body) {
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(path);
            data.writeUTF(encoding);
            data.writeInt(items);
            data.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static DatadogRequest decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(record))) {
            String path = in.readUTF();
            String encoding = in.readUTF();
            int items = in.readInt();
            int headerLength = record.length - in.available();
            return new DatadogRequest(path, encoding, items, Arrays.copyOfRange(record, headerLength, record.length));
        } catch (IOException e) {
            throw new UncheckedIOException("a Datadog spool record is unreadable", e);
        }
    }
}
