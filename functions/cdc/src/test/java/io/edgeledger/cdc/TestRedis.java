package io.edgeledger.cdc;

import io.edgeledger.cdc.redis.RedisConnection;
import io.edgeledger.redis.RedisSettings;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.commands.ProtocolCommand;

/** Any Redis command for a test to set up or inspect state, over the same (TLS-capable) connection the CDC uses. */
public final class TestRedis implements AutoCloseable {
    private final RedisConnection connection;

    public TestRedis(RedisSettings settings) {
        this.connection = RedisConnection.open(settings);
    }

    /** {@code call("XLEN", stream)}: arguments String, byte[] or numbers; the reply raw (byte[], Long, List, null). */
    public Object call(Object... args) {
        String name = args[0].toString();
        ProtocolCommand command = () -> name.getBytes(StandardCharsets.US_ASCII);
        byte[][] rest = new byte[args.length - 1][];
        for (int i = 1; i < args.length; i++) {
            rest[i - 1] = args[i] instanceof byte[] bytes ? bytes : args[i].toString().getBytes(StandardCharsets.UTF_8);
        }
        return connection.run(j -> j.sendCommand(command, rest));
    }

    @Override
    public void close() {
        connection.close();
    }
}
