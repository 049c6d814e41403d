package io.edgeledger.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeledger.api.errors.ApiException;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.secrets.SecretsException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** Operator keys in Redis: hash {@code edgeledger:api-keys}, field = the key's hash ({@link OperatorKeyPepper}), value = {name, created_at}. */
@ApplicationScoped
public class ApiKeyStore {
    private final HashCommands<String, String, String> hashes;
    private final ObjectMapper json;
    private final OperatorKeyPepper pepper;

    public ApiKeyStore(RedisDataSource redis, ObjectMapper json) {
        this.hashes = redis.hash(String.class);
        this.json = json;
        var config = ConfigProvider.getConfig();
        this.pepper = OperatorKeyPepper.from(name -> config.getOptionalValue(name, String.class).orElse(null));
    }

    /** The key's name when the key is known. A key stored before the pepper is re-hashed with it on first use. */
    public Optional<String> lookup(String presentedKey) {
        String hash;
        try {
            hash = pepper.hash(presentedKey);
        } catch (SecretsException e) {
            throw ApiException.unavailable("secret_unavailable", e.getMessage());
        }
        String record = hashes.hget(RedisKeys.API_KEYS, hash);
        if (record == null) {
            record = rehashLegacy(presentedKey, hash);
        }
        if (record == null && pepper.refresh()) {
            hash = pepper.hash(presentedKey);
            record = hashes.hget(RedisKeys.API_KEYS, hash);
        }
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

    private String rehashLegacy(String presentedKey, String hash) {
        Optional<String> legacy = pepper.legacyHash(presentedKey);
        String record = legacy.map(old -> hashes.hget(RedisKeys.API_KEYS, old)).orElse(null);
        if (record != null) {
            hashes.hset(RedisKeys.API_KEYS, hash, record); // written first: a crash in between leaves the key usable
            hashes.hdel(RedisKeys.API_KEYS, legacy.get());
        }
        return record;
    }
}
