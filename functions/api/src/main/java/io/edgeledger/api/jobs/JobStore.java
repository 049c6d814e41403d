package io.edgeledger.api.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeledger.wire.RawJson;
import io.edgeledger.wire.TracerouteSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.edgeledger.api.config.ApiConfig;
import io.edgeledger.api.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.list.ListCommands;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Jobs as JSON strings ({@code edgeledger:job:<id>}, with a TTL) and a FIFO list of queued job ids per probe. */
@ApplicationScoped
public class JobStore {
    private final ValueCommands<String, String> values;
    private final ListCommands<String, String> lists;
    private final ObjectMapper json;
    private final Clock clock;
    private final long ttlSeconds;

    public JobStore(RedisDataSource redis, ObjectMapper json, Clock clock, ApiConfig config) {
        this.values = redis.value(String.class);
        this.lists = redis.list(String.class);
        this.json = json;
        this.clock = clock;
        this.ttlSeconds = config.api().jobTtlSeconds();
    }

    public Job create(String probeId, String kind, TracerouteSpec params) {
        Job job = new Job("job-" + UUID.randomUUID(), probeId, kind, params, Job.QUEUED, now(), null, null, null, null);
        save(job);
        lists.rpush(RedisKeys.jobQueue(probeId), job.id());
        return job;
    }

    public Optional<Job> find(String id) {
        String value = values.get(RedisKeys.job(id));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, Job.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + id + " in Redis is not valid JSON", e);
        }
    }

    /** Takes up to {@code max} queued jobs of the probe off its queue and marks them delivered. */
    public List<Job> take(String probeId, int max) {
        List<Job> taken = new ArrayList<>();
        while (taken.size() < max) {
            String id = lists.lpop(RedisKeys.jobQueue(probeId));
            if (id == null) {
                break;
            }
            // a job that expired while queued is skipped, not delivered as a ghost
            find(id).ifPresent(job -> {
                Job delivered = job.delivered(now());
                save(delivered);
                taken.add(delivered);
            });
        }
        return taken;
    }

    /** {@code result} as the API read it: stored as that text, not parsed again (a read of the job parses it). */
    public Job complete(Job job, RawJson result, String error) {
        JsonNode stored = result == null ? null : json.getNodeFactory().rawValueNode(new RawValue(result.text()));
        Job done = job.completed(now(), stored, error);
        save(done);
        return done;
    }

    private void save(Job job) {
        try {
            values.setex(RedisKeys.job(job.id()), ttlSeconds, json.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String now() {
        return Instant.now(clock).toString();
    }
}
