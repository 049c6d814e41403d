package io.edgeledger.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.redis.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;

/** Operator keys in Redis: hash {@code edgeledger:api-keys}, field = SHA-256 of the key, value = {name, created_at}. */
@ApplicationScoped
public class ApiKeyStore {
    private final HashCommands<String, String, String> hashes;
    private final ObjectMapper json;

    public ApiKeyStore(RedisDataSource redis, ObjectMapper json) {
        this.hashes = redis.hash(String.class);
        this.json = json;
    }

    /** The key's name when the key is known. */
    public Optional<String> lookup(String presentedKey) {
        String hash = ApiKeyFormat.hash(presentedKey);
        String record = hashes.hget(RedisKeys.API_KEYS, hash);
        if (record == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(record);
            return Optional.of(node.path("name").asText("key-" + ApiKeyFormat.fingerprint(hash)));
        } catch (IOException e) {
            return Optional.of("key-" + ApiKeyFormat.fingerprint(hash));
        }
    }
}
