package io.edgeledger.probe.traceroute.server;

import io.edgeledger.probe.traceroute.TracerouteCommand;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edge-probe serve [--addr HOST:PORT]}: the traceroute HTTP server (DESIGN 2.2). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve traceroutes over HTTP (GET /traceroute, GET /health).")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--addr", defaultValue = "127.0.0.1:3765", description = "Listen address (default: ${DEFAULT-VALUE}).")
    String addr;

    @Option(names = "--max-concurrent", defaultValue = "4", description = "Traceroutes at once; more get HTTP 429 (default: ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Override
    public Integer call() throws InterruptedException {
        InetSocketAddress listen;
        try {
            listen = parse(addr);
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("--max-concurrent must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("edge-probe serve: " + e.getMessage());
            return TracerouteCommand.EXIT_USAGE;
        }
        TracerouteServer server;
        try {
            server = TracerouteServer.start(listen, maxConcurrent);
        } catch (IOException e) {
            System.err.println("edge-probe serve: cannot listen on " + addr + ": " + e.getMessage());
            return 1;
        }
        System.err.println("edge-probe serve: listening on http://" + addr + " (GET /traceroute, GET /health)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    static InetSocketAddress parse(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon <= 0 || colon == addr.length() - 1) {
            throw new IllegalArgumentException("--addr must be HOST:PORT, got '" + addr + "'");
        }
        String host = addr.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--addr port must be a number, got '" + addr + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--addr port out of range: " + port);
        }
        return new InetSocketAddress(host, port);
    }
}
