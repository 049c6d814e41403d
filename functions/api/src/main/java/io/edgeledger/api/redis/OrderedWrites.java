package io.edgeledger.api.redis;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.util.List;

/**
 * Several write commands in ONE round trip that still run strictly in order and stop at the first failure: a Lua
 * script calls them one by one, and {@code redis.call} aborts the script on an error reply, so a later command (an
 * idempotency marker) is never applied when an earlier one (the view it vouches for) failed. A plain pipeline would
 * run the later commands anyway. The deployment is standalone Redis (the auth script already touches keys of several
 * slots), so the keys need not be declared.
 */
public final class OrderedWrites {
    /** ARGV is a sequence of (argument count n, command, n-1 arguments); the count lets commands of any length follow each other. */
    static final String APPLY_IN_ORDER = """
            local i = 1
            while i <= #ARGV do
              local n = tonumber(ARGV[i])
              redis.call(unpack(ARGV, i + 1, i + n))
              i = i + n + 1
            end
            return 1
            """;
    /** Lua's unpack puts every argument on the C stack (at most ~8,000), so a command carries at most this many. */
    public static final int MAX_ARGS_PER_COMMAND = 1000;

    private OrderedWrites() {}

    /** Each inner list is one command with its arguments, e.g. {@code ["HSET", key, field, value]}. */
    public static void apply(RedisDataSource redis, List<List<String>> commands) {
        Request eval = Request.cmd(Command.EVAL).arg(APPLY_IN_ORDER).arg(0);
        for (List<String> command : commands) {
            if (command.size() > MAX_ARGS_PER_COMMAND) {
                throw new IllegalArgumentException(command.get(0) + " with " + command.size() + " arguments; split it");
            }
            eval.arg(command.size());
            command.forEach(eval::arg);
        }
        redis.getReactive().getRedis().sendAndAwait(eval);
    }
}
