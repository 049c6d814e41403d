package io.edgeledger.api.support;

import io.edgeledger.api.redis.BlockingRedis;
import io.edgeledger.redis.RedisSettings;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** Any Redis command for a test, over the API's own client and TLS settings; replies as text (integers in decimal, nil as null). */
public final class TestRedis implements AutoCloseable {
    private final BlockingRedis redis;

    /** With the CA file of the test configuration. */
    public TestRedis(String url) {
        this(url, ConfigProvider.getConfig().getOptionalValue("EDGELEDGER_REDIS_CA_FILE", String.class).map(Path::of).orElse(null));
    }

    public TestRedis(String url, Path caFile) {
        redis = BlockingRedis.open(RedisSettings.parse(url, caFile));
    }

    public String call(String... args) {
        Request request = Request.cmd(Command.create(args[0]));
        for (int i = 1; i < args.length; i++) {
            request.arg(args[i]);
        }
        Response reply = redis.send(request);
        return reply == null ? null : reply.toString();
    }

    @Override
    public void close() {
        redis.close();
    }
}
