package io.edgeledger.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay in front of a server, for fault injection: {@link #cut()} resets every open connection at once
 * (whatever was half sent or half read) and every new one until {@link #resume()}. Unlike stopping the server, this
 * breaks requests in the middle of a body, as a network failure or a crashed storage node does. The listening port
 * stays the same, so the client under test keeps its configuration.
 */
public final class CuttableTcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private CuttableTcpProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Relays a free loopback port to {@code target} (host and port of an http URI). */
    public static CuttableTcpProxy to(URI target) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CuttableTcpProxy proxy = new CuttableTcpProxy(listener, new InetSocketAddress(target.getHost(), target.getPort()));
        Thread.ofVirtual().name("tcp-proxy-accept").start(proxy::acceptLoop);
        return proxy;
    }

    /** The proxy's address with the target's scheme, e.g. {@code http://127.0.0.1:PORT}. */
    public URI endpoint(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
    }

    /** Resets every open connection and refuses (resets) new ones. */
    public void cut() {
        cut = true;
        open.forEach(CuttableTcpProxy::reset);
    }

    public void resume() {
        cut = false;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut) {
                reset(client);
                continue;
            }
            Thread.ofVirtual().start(() -> relay(client));
        }
    }

    private void relay(Socket client) {
        Socket server = new Socket();
        open.add(client);
        open.add(server);
        try {
            server.connect(target, 10_000);
            Thread other = Thread.ofVirtual().start(() -> pump(server, client));
            pump(client, server);
            other.join();
        } catch (IOException | InterruptedException e) {
            // the connection ends; the client sees the close or the reset
        } finally {
            reset(client);
            reset(server);
            open.remove(client);
            open.remove(server);
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            reset(to);
        }
    }

    /** Close with SO_LINGER 0: the peer gets a TCP reset, not an orderly end of stream. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // nothing to release
        }
    }
}
