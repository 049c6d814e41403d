package io.edgeledger.api.local;

import io.edgeledger.api.auth.ApiKeyFormat;
import io.edgeledger.api.auth.OperatorKeyPepper;
import io.edgeledger.api.redis.BlockingRedis;
import io.edgeledger.api.redis.RedisKeys;
import io.edgeledger.redis.RedisSettings;
import io.edgeledger.redis.RedisSettingsException;
import io.edgeledger.secrets.RedisAuthSecret;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code ./edgeledger api create-key [--name N] [--redis URL]}: makes an operator key, prints it once, and stores only
 * its hash in Redis (HMAC-SHA256 with the pepper of EDGELEDGER_API_SECRET_ARN when set; {@code redis://} or
 * {@code rediss://}, EDGELEDGER_REDIS_CA_FILE for a private CA, EDGELEDGER_REDIS_AUTH_SECRET_ARN for the AUTH token). Exit codes: 0 done, 2 bad usage, 1 Redis or the
 * secret unreachable or refusing us (one line naming the setting to fix).
 */
public final class CreateKey {
    private CreateKey() {}

    public static void main(String[] args) {
        String name = "operator";
        String redis = System.getenv().getOrDefault("EDGELEDGER_REDIS_URL", "redis://127.0.0.1:6379");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = value(args, ++i, "--name");
                case "--redis" -> redis = value(args, ++i, "--redis");
                case "-h", "--help" -> {
                    System.out.println("usage: api create-key [--name NAME] [--redis redis://host:port]");
                    return;
                }
                default -> usage("unknown option '" + args[i] + "'");
            }
        }
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            usage("--name must be 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        try {
            String key = create(redis, name);
            System.out.println(key);
            System.err.println("api: created operator key '" + name + "'; it is shown only now, store it safely "
                    + "(use it as 'Authorization: Bearer <key>')");
        } catch (RedisSettingsException e) {
            System.err.println("api create-key: could not store the key: " + e.getMessage());
            System.exit(1);
        } catch (io.edgeledger.secrets.SecretsException e) {
            System.err.println("api: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Creates and stores a key; returns the key (the only time it exists outside the caller). */
    public static String create(String redisUrl, String name) {
        String ca = System.getenv(RedisSettings.CA_FILE_VARIABLE);
        return create(RedisAuthSecret.applyTo(RedisSettings.parse(redisUrl, ca == null || ca.isBlank() ? null : Path.of(ca)),
                System::getenv), name);
    }

    public static String create(RedisSettings settings, String name) {
        String key = ApiKeyFormat.newKey();
        String record = "{\"name\":\"" + name + "\",\"created_at\":\"" + Instant.now() + "\"}";
        try (BlockingRedis redis = BlockingRedis.open(settings)) {
            redis.send(Request.cmd(Command.HSET).arg(RedisKeys.API_KEYS).arg(OperatorKeyPepper.from(System::getenv).hash(key)).arg(record));
        }
        return key;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String message) {
        System.err.println("api create-key: " + message);
        System.exit(2);
    }
}
