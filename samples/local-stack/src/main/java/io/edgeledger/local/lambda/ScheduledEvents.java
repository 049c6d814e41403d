package io.edgeledger.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The EventBridge "Scheduled Event" a rate(...) rule sends its Lambda target, in the documented shape. */
public final class ScheduledEvents {
    private ScheduledEvents() {
    }

    public static byte[] event(String ruleName, Instant time) {
        ObjectNode event = EventFixtures.load("scheduled-event.json");
        event.put("id", UUID.randomUUID().toString());
        event.put("account", CloudAssembly.LOCAL_ACCOUNT);
        event.put("region", CloudAssembly.LOCAL_REGION);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.putArray("resources").add("arn:aws:events:" + CloudAssembly.LOCAL_REGION + ":" + CloudAssembly.LOCAL_ACCOUNT
                + ":rule/" + ruleName);
        try {
            return EventFixtures.JSON.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
