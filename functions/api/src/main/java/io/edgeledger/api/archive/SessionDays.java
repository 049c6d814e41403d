package io.edgeledger.api.archive;

import io.edgeledger.api.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * The S3 markers {@code events/by-session/<session>/<day>.day} that let a session be read back from the grouped
 * archive after Redis forgot it. A marker is written (synchronously, before the events' group) only the first time a
 * session is seen on a day; Redis remembers for a while that it exists, and only after the PUT succeeded, so a failed
 * marker write is retried by the next batch.
 */
@ApplicationScoped
public class SessionDays {
    private static final long REMEMBER_SECONDS = 3 * 24 * 3600;

    private final ArchiveStore store;
    private final ValueCommands<String, String> values;

    public SessionDays(ArchiveStore store, RedisDataSource redis) {
        this.store = store;
        this.values = redis.value(String.class);
    }

    public void ensureMarked(String sessionId, LocalDate day) {
        String remembered = RedisKeys.archivedSessionDay(sessionId, day.toString());
        if (values.get(remembered) != null) {
            return;
        }
        store.put(ArchiveStore.sessionDayKey(sessionId, day), new byte[0], "text/plain");
        values.setex(remembered, REMEMBER_SECONDS, "1");
    }
}
