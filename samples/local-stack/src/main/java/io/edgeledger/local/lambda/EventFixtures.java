package io.edgeledger.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The documented event examples in resources/io/edgeledger/local/lambda/events, fresh copies to fill in. */
final class EventFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {
    }

    static ObjectNode load(String name) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing event fixture " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
