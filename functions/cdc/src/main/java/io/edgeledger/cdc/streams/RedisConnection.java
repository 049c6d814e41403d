package io.edgeledger.cdc.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One RESP2 connection to Redis: commands, pipelines and MULTI/EXEC. Replies come back as Java values:
 * {@code String} (status), {@link RedisErrorReply}, {@code Long}, {@code byte[]} (bulk), {@code List<Object>}
 * (array) or {@code null}. Values stay bytes so stream entries are never decoded twice.
 * Why not a framework client: pipelined, allocation-lean reads of large XREADGROUP replies are most of the
 * batcher's Redis time, and a plain socket works the same in a Lambda, the local runner and tests.
 * Not thread-safe: one connection per thread.
 */
public final class RedisConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** Socket read timeout on top of a command's own BLOCK time, so a dead server never hangs a run. */
    private static final int READ_SLACK_MS = 10_000;

    private final RedisEndpoint endpoint;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] outBuf = new byte[1 << 16];
    private int outLen;
    private final byte[] inBuf = new byte[1 << 16];
    private int inPos;
    private int inLen;

    private RedisConnection(RedisEndpoint endpoint, Socket socket) throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    public static RedisConnection open(RedisEndpoint endpoint) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_SLACK_MS);
            RedisConnection connection = new RedisConnection(endpoint, socket);
            if (endpoint.password() != null) {
                connection.call(endpoint.user() == null
                        ? new Object[] {"AUTH", endpoint.password()}
                        : new Object[] {"AUTH", endpoint.user(), endpoint.password()});
            }
            if (endpoint.database() != 0) {
                connection.call("SELECT", endpoint.database());
            }
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new RedisException("cannot connect to Redis at " + endpoint + ": " + e.getMessage()
                    + " (is redis-server running? set EDGELEDGER_REDIS_URL)", e);
        } catch (RedisException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Sends one command and returns its reply; an error reply throws. Arguments: String, byte[] or numbers. */
    public Object call(Object... args) {
        return throwIfError(callWithBlock(0, args), args);
    }

    /** As {@link #call} for a command that may block on the server up to {@code blockMillis}. */
    public Object callWithBlock(long blockMillis, Object... args) {
        try {
            write(args);
            flush();
            return readWithTimeout(blockMillis);
        } catch (IOException e) {
            throw broken(e);
        }
    }

    /** Sends all commands in one round trip; replies in order, error replies as {@link RedisErrorReply} values. */
    public List<Object> pipeline(List<Object[]> commands) {
        try {
            for (Object[] command : commands) {
                write(command);
            }
            flush();
            List<Object> replies = new ArrayList<>(commands.size());
            for (int i = 0; i < commands.size(); i++) {
                replies.add(readWithTimeout(0));
            }
            return replies;
        } catch (IOException e) {
            throw broken(e);
        }
    }

    /** MULTI, the commands, EXEC in one round trip: all applied or none. Returns EXEC's replies. */
    @SuppressWarnings("unchecked")
    public List<Object> transaction(List<Object[]> commands) {
        List<Object[]> all = new ArrayList<>(commands.size() + 2);
        all.add(new Object[] {"MULTI"});
        all.addAll(commands);
        all.add(new Object[] {"EXEC"});
        List<Object> replies = pipeline(all);
        for (Object reply : replies.subList(0, replies.size() - 1)) {
            if (reply instanceof RedisErrorReply error) {
                throw new RedisException("Redis refused a transaction: " + error.message());
            }
        }
        Object exec = replies.get(replies.size() - 1);
        if (!(exec instanceof List<?>)) {
            throw new RedisException("Redis aborted a transaction: " + exec);
        }
        return (List<Object>) exec;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    public RedisEndpoint endpoint() {
        return endpoint;
    }

    private static Object throwIfError(Object reply, Object[] args) {
        if (reply instanceof RedisErrorReply error) {
            throw new RedisException("Redis " + args[0] + " failed: " + error.message());
        }
        return reply;
    }

    private RedisException broken(IOException e) {
        closeQuietly(socket);
        String what = e instanceof SocketTimeoutException ? "did not answer in time" : "connection failed";
        return new RedisException("Redis at " + endpoint + " " + what + ": " + e.getMessage(), e);
    }

    private Object readWithTimeout(long blockMillis) throws IOException {
        if (blockMillis > 0) {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, blockMillis + READ_SLACK_MS));
            try {
                return readReply();
            } finally {
                socket.setSoTimeout(READ_SLACK_MS);
            }
        }
        return readReply();
    }

    // --- writing -------------------------------------------------------------------------------

    private void write(Object[] args) throws IOException {
        writeByte('*');
        writeDecimal(args.length);
        for (Object arg : args) {
            byte[] bytes = toBytes(arg);
            writeByte('$');
            writeDecimal(bytes.length);
            writeBytes(bytes);
            writeByte('\r');
            writeByte('\n');
        }
    }

    private static byte[] toBytes(Object arg) {
        if (arg instanceof byte[] bytes) {
            return bytes;
        }
        if (arg instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (arg instanceof Number || arg instanceof Character) {
            return arg.toString().getBytes(StandardCharsets.US_ASCII);
        }
        throw new IllegalArgumentException("unsupported Redis argument type " + (arg == null ? "null" : arg.getClass()));
    }

    private void writeDecimal(long value) throws IOException {
        writeBytes(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
        writeByte('\r');
        writeByte('\n');
    }

    private void writeByte(int b) throws IOException {
        if (outLen == outBuf.length) {
            flush();
        }
        outBuf[outLen++] = (byte) b;
    }

    private void writeBytes(byte[] bytes) throws IOException {
        if (bytes.length > outBuf.length - outLen) {
            flush();
            if (bytes.length > outBuf.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, outBuf, outLen, bytes.length);
        outLen += bytes.length;
    }

    private void flush() throws IOException {
        if (outLen > 0) {
            out.write(outBuf, 0, outLen);
            outLen = 0;
        }
        out.flush();
    }

    // --- reading -------------------------------------------------------------------------------

    private Object readReply() throws IOException {
        int type = readByte();
        switch (type) {
            case '+':
                return readLine();
            case '-':
                return new RedisErrorReply(readLine());
            case ':':
                return readLong();
            case '$': {
                int length = (int) readLong();
                if (length < 0) {
                    return null;
                }
                byte[] bytes = new byte[length];
                readFully(bytes);
                readByte(); // \r
                readByte(); // \n
                return bytes;
            }
            case '*': {
                int count = (int) readLong();
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(readReply());
                }
                return items;
            }
            default:
                throw new IOException("unexpected RESP type byte " + type + " (is this a Redis server?)");
        }
    }

    private long readLong() throws IOException {
        long value = 0;
        boolean negative = false;
        int b = readByte();
        if (b == '-') {
            negative = true;
            b = readByte();
        }
        while (b != '\r') {
            value = value * 10 + (b - '0');
            b = readByte();
        }
        readByte(); // \n
        return negative ? -value : value;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b = readByte();
        while (b != '\r') {
            line.append((char) b);
            b = readByte();
        }
        readByte(); // \n
        return line.toString();
    }

    private int readByte() throws IOException {
        if (inPos == inLen) {
            fill();
        }
        return inBuf[inPos++] & 0xff;
    }

    private void readFully(byte[] target) throws IOException {
        int done = 0;
        while (done < target.length) {
            if (inPos == inLen) {
                int remaining = target.length - done;
                if (remaining >= inBuf.length) {
                    int n = in.read(target, done, remaining);
                    if (n < 0) {
                        throw new IOException("Redis closed the connection");
                    }
                    done += n;
                    continue;
                }
                fill();
            }
            int n = Math.min(inLen - inPos, target.length - done);
            System.arraycopy(inBuf, inPos, target, done, n);
            inPos += n;
            done += n;
        }
    }

    private void fill() throws IOException {
        int n = in.read(inBuf, 0, inBuf.length);
        if (n < 0) {
            throw new IOException("Redis closed the connection");
        }
        inPos = 0;
        inLen = n;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
