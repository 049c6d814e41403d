package io.edgeledger.api.local;

import io.edgeledger.api.auth.ApiKeyFormat;
import io.edgeledger.api.auth.OperatorKeyPepper;
import io.edgeledger.secrets.SecretsException;
import io.edgeledger.api.redis.RedisKeys;
import java.io.IOException;
import java.time.Instant;

/**
 * {@code ./edgeledger api create-key [--name N] [--redis URL]}: makes an operator key, prints it once, and stores only
 * its hash in Redis (HMAC-SHA256 with the pepper of EDGELEDGER_API_SECRET_ARN when set). Exit codes: 0 done, 2 bad usage, 1 Redis unreachable.
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
        } catch (IOException e) {
            System.err.println("api: could not store the key in Redis at " + redis + ": " + e.getMessage());
            System.exit(1);
        } catch (SecretsException e) {
            System.err.println("api: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Creates and stores a key; returns the key (the only time it exists outside the caller). */
    public static String create(String redisUrl, String name) throws IOException {
        String key = ApiKeyFormat.newKey();
        String record = "{\"name\":\"" + name + "\",\"created_at\":\"" + Instant.now() + "\"}";
        try (RespClient redis = new RespClient(redisUrl)) {
            redis.call("HSET", RedisKeys.API_KEYS, OperatorKeyPepper.from(System::getenv).hash(key), record);
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
