package io.edgeledger.probe.forwarder;

import io.edgeledger.wire.IngestKind;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What the spool holds per batch: the endpoint, the batch id and the exact gzipped body to send. */
public record SpooledBatch(IngestKind kind, String batchId, byte[] gzippedBody) {
    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(gzippedBody.length + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(kind.wireName());
            out.writeUTF(batchId);
            out.write(gzippedBody);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpooledBatch decode(byte[] record) {
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(record));
            IngestKind kind = IngestKind.fromWireName(in.readUTF());
            String id = in.readUTF();
            return new SpooledBatch(kind, id, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable spool record", e);
        }
    }
}
