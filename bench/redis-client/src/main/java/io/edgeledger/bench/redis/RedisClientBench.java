package io.edgeledger.bench.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;

/**
 * CPU per stream entry of the batcher's Redis work with each candidate client, in one JVM and one run:
 * XREADGROUP of up to {@code count} entries per stream over every sample stream (replies kept as bytes, each
 * entry's fields turned into {@code byte[]}s as the batcher needs them), then the XACKs of what was read,
 * pipelined in one round trip. Process CPU time (all threads: Netty event loops, GC, JIT), not wall time.
 * Candidates run round-robin so a change in machine load hits all of them alike.
 *
 * <p>Usage: {@code RedisClientBench PORT SAMPLES.jsonl ENTRIES ROUNDS [COUNT]}; the streams are filled with the
 * sample entries (their real sizes), cycled up to ENTRIES in total.
 */
public final class RedisClientBench {
    private static final Pattern STREAM = Pattern.compile("\"stream\":\"([^\"]+)\"");

    interface Candidate extends AutoCloseable {
        String name();

        /** Creates {@code group} on every stream at 0, reads everything through it, acks it. Returns entries read. */
        long drain(List<String> streams, String group, int count) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // the clients' event-loop threads need not wind down for the figures
    }

    private static void measure(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path samples = Path.of(args[1]);
        int entries = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int count = args.length > 4 ? Integer.parseInt(args[4]) : 1000;

        List<String> streams = load(port, samples, entries);
        List<Candidate> candidates = List.of(new JedisCandidate(port), new LettuceCandidate(port), new VertxCandidate(port));
        Map<String, List<Double>> perEntryMicros = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            for (Candidate candidate : candidates) {
                String group = "bench-" + candidate.name() + "-" + (round + 2);
                System.gc();
                long cpu0 = os.getProcessCpuTime();
                long read = candidate.drain(streams, group, count);
                long cpu = os.getProcessCpuTime() - cpu0;
                if (read != entries) {
                    throw new IllegalStateException(candidate.name() + " read " + read + " of " + entries);
                }
                if (round >= 0) {
                    perEntryMicros.computeIfAbsent(candidate.name(), k -> new ArrayList<>()).add(cpu / 1000.0 / read);
                }
            }
        }
        System.out.printf("entries %d over %d streams, COUNT %d, %d rounds; process CPU µs per entry (read + ack):%n",
                entries, streams.size(), count, rounds);
        for (var e : perEntryMicros.entrySet()) {
            List<Double> v = new ArrayList<>(e.getValue());
            v.sort(null);
            System.out.printf("  %-8s median %.3f  min %.3f  max %.3f%n", e.getKey(), v.get(v.size() / 2), v.get(0), v.get(v.size() - 1));
        }
    }

    /** Fills the sample streams (fresh), cycling the sample entries; returns the stream names. */
    private static List<String> load(int port, Path samples, int entries) throws Exception {
        List<String> lines = Files.readAllLines(samples).stream().filter(l -> !l.isBlank()).toList();
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port))) {
            jedis.flushAll();
            List<String> streams = new ArrayList<>();
            Pipeline pipeline = jedis.pipelined();
            for (int i = 0; i < entries; i++) {
                String line = lines.get(i % lines.size());
                Matcher m = STREAM.matcher(line);
                m.find();
                String stream = m.group(1);
                if (!streams.contains(stream)) {
                    streams.add(stream);
                }
                List<byte[]> cmd = new ArrayList<>();
                cmd.add(stream.getBytes(StandardCharsets.UTF_8));
                cmd.add("*".getBytes());
                for (String field : fields(line)) {
                    cmd.add(field.getBytes(StandardCharsets.UTF_8));
                }
                pipeline.sendCommand(Protocol.Command.XADD, cmd.toArray(byte[][]::new));
                if (i % 1000 == 999) {
                    pipeline.sync();
                }
            }
            pipeline.sync();
            return streams;
        }
    }

    /** The "fields" array of a sample line: [[key, value], ...] as JSON strings; a tiny decoder for this shape. */
    private static List<String> fields(String line) {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            List<String> out = new ArrayList<>();
            for (var pair : mapper.readTree(line).get("fields")) {
                for (var part : pair) {
                    out.add(part.isNull() ? "" : part.asText());
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // --- Jedis: blocking socket, raw replies ------------------------------------------------------

    static final class JedisCandidate implements Candidate {
        private final Jedis jedis;

        JedisCandidate(int port) {
            jedis = new Jedis(new HostAndPort("127.0.0.1", port));
        }

        public String name() {
            return "jedis";
        }

        @SuppressWarnings("unchecked")
        public long drain(List<String> streams, String group, int count) {
            for (String s : streams) {
                jedis.sendCommand(Protocol.Command.XGROUP, b("CREATE"), b(s), b(group), b("0"));
            }
            long read = 0;
            while (true) {
                List<byte[]> args = new ArrayList<>(List.of(b("GROUP"), b(group), b("c"), b("COUNT"), b(Integer.toString(count)), b("STREAMS")));
                streams.forEach(s -> args.add(b(s)));
                streams.forEach(s -> args.add(b(">")));
                Object reply = jedis.sendCommand(Protocol.Command.XREADGROUP, args.toArray(byte[][]::new));
                if (reply == null) {
                    return read;
                }
                Pipeline acks = jedis.pipelined();
                for (Object streamReply : (List<Object>) reply) {
                    List<Object> pair = (List<Object>) streamReply;
                    byte[] stream = (byte[]) pair.get(0);
                    List<Object> items = (List<Object>) pair.get(1);
                    byte[][] ack = new byte[items.size() + 2][];
                    ack[0] = stream;
                    ack[1] = b(group);
                    int i = 2;
                    for (Object item : items) {
                        List<Object> entry = (List<Object>) item;
                        ack[i++] = (byte[]) entry.get(0);
                        List<byte[]> fields = (List<byte[]>) entry.get(1);
                        read += fields.isEmpty() ? 0 : 1;
                    }
                    acks.sendCommand(Protocol.Command.XACK, ack);
                }
                acks.sync();
            }
        }

        public void close() {
            jedis.close();
        }
    }

    // --- Lettuce: Netty, byte[] codec, pipelining by auto-flush off -----------------------------------

    static final class LettuceCandidate implements Candidate {
        private final RedisClient client;
        private final StatefulRedisConnection<byte[], byte[]> connection;

        LettuceCandidate(int port) {
            client = RedisClient.create("redis://127.0.0.1:" + port);
            // RESP2 like the other two (RESP3 answers XREADGROUP with a map).
            client.setOptions(io.lettuce.core.ClientOptions.builder().protocolVersion(io.lettuce.core.protocol.ProtocolVersion.RESP2).build());
            connection = client.connect(ByteArrayCodec.INSTANCE);
        }

        public String name() {
            return "lettuce";
        }

        @SuppressWarnings("unchecked")
        public long drain(List<String> streams, String group, int count) throws Exception {
            var async = connection.async();
            for (String s : streams) {
                async.dispatch(CommandType.XGROUP, new ArrayOutput<>(ByteArrayCodec.INSTANCE),
                        new CommandArgs<>(ByteArrayCodec.INSTANCE).add("CREATE").addKey(b(s)).add(group).add("0")).get(10, TimeUnit.SECONDS);
            }
            long read = 0;
            while (true) {
                CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add("GROUP").add(group).add("c")
                        .add("COUNT").add(count).add("STREAMS");
                streams.forEach(s -> args.addKey(b(s)));
                streams.forEach(s -> args.add(">"));
                List<Object> reply = async.dispatch(CommandType.XREADGROUP, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE), args)
                        .get(10, TimeUnit.SECONDS);
                if (reply == null || reply.isEmpty()) {
                    return read;
                }
                connection.setAutoFlushCommands(false);
                List<io.lettuce.core.RedisFuture<Long>> acks = new ArrayList<>();
                for (Object streamReply : reply) {
                    List<Object> pair = (List<Object>) streamReply;
                    CommandArgs<byte[], byte[]> ack = new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey((byte[]) pair.get(0)).add(group);
                    for (Object item : (List<Object>) pair.get(1)) {
                        List<Object> entry = (List<Object>) item;
                        ack.add((byte[]) entry.get(0));
                        List<Object> fields = (List<Object>) entry.get(1);
                        read += fields.isEmpty() ? 0 : 1;
                    }
                    acks.add(async.dispatch(CommandType.XACK, new IntegerOutput<>(ByteArrayCodec.INSTANCE), ack));
                }
                connection.flushCommands();
                connection.setAutoFlushCommands(true);
                for (var f : acks) {
                    f.get(10, TimeUnit.SECONDS);
                }
            }
        }

        public void close() {
            connection.close();
            client.shutdown();
        }
    }

    // --- Vert.x Redis: the engine under quarkus-redis-client (its RedisDataSource adds Mutiny on top) ---

    static final class VertxCandidate implements Candidate {
        private final Vertx vertx;
        private final Redis redis;
        private final io.vertx.redis.client.RedisConnection connection;

        VertxCandidate(int port) throws Exception {
            vertx = Vertx.vertx();
            redis = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:" + port)
                    .setPreferredProtocolVersion(io.vertx.redis.client.ProtocolVersion.RESP2));
            connection = redis.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        public String name() {
            return "vertx";
        }

        public long drain(List<String> streams, String group, int count) throws Exception {
            for (String s : streams) {
                connection.send(Request.cmd(Command.XGROUP).arg("CREATE").arg(s).arg(group).arg("0"))
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            long read = 0;
            while (true) {
                Request request = Request.cmd(Command.XREADGROUP).arg("GROUP").arg(group).arg("c").arg("COUNT").arg(count).arg("STREAMS");
                streams.forEach(request::arg);
                streams.forEach(s -> request.arg(">"));
                Response reply = connection.send(request).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                if (reply == null) {
                    return read;
                }
                List<Request> acks = new ArrayList<>();
                // RESP2 shape: [[stream, [[id, [f, v, ...]], ...]], ...]; RESP3 servers answer a map instead.
                for (Response pair : reply) {
                    Request ack = Request.cmd(Command.XACK).arg(pair.get(0).toBytes()).arg(group);
                    for (Response entry : pair.get(1)) {
                        ack.arg(entry.get(0).toBytes());
                        Response fields = entry.get(1);
                        List<byte[]> values = new ArrayList<>(fields.size());
                        for (Response field : fields) {
                            values.add(field.toBytes());
                        }
                        read += values.isEmpty() ? 0 : 1;
                    }
                    acks.add(ack);
                }
                connection.batch(acks).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }

        public void close() throws Exception {
            connection.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
