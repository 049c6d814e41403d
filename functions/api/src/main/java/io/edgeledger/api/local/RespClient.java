package io.edgeledger.api.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal Redis client (RESP2 over a socket) for command-line tools that must not boot Quarkus, such as
 * create-key. Understands {@code redis://[:password@]host[:port][/db]}.
 */
public final class RespClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RespClient(String url) throws IOException {
        URI uri = URI.create(url);
        socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 5000);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon > 0) {
                call("AUTH", userInfo.substring(0, colon), userInfo.substring(colon + 1));
            } else {
                call("AUTH", colon == 0 ? userInfo.substring(1) : userInfo);
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            call("SELECT", path.substring(1));
        }
    }

    /** Sends one command; returns the reply as a string (integers as decimal, nil as null). */
    public String call(String... args) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            request.write(bytes);
            request.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(request.toByteArray());
        out.flush();
        return readReply();
    }

    private String readReply() throws IOException {
        int type = in.read();
        String line = readLine();
        switch (type) {
            case '+', ':' -> {
                return line;
            }
            case '-' -> throw new IOException("redis answered: " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length + 2);
                return new String(data, 0, length, StandardCharsets.UTF_8);
            }
            default -> throw new IOException("unexpected redis reply type '" + (char) type + "'");
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("redis closed the connection");
            }
            line.write(b);
        }
        in.read(); // '\n'
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
