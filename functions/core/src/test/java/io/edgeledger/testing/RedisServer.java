package io.edgeledger.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real redis-server on a free loopback port, private to one test class. No persistence: each test
 * starts from an empty server. Needs the Debian package redis-server (./edgeledger test installs it).
 * {@link #startTls} runs it as deployed: TLS only ({@code --port 0}, so plain text is impossible), with a
 * certificate for {@code localhost} from a CA the test made, optionally with a password.
 */
public final class RedisServer implements AutoCloseable {
    /** The host name the TLS certificate is issued for (not 127.0.0.1: tests use that one as the wrong name). */
    public static final String TLS_HOST = "localhost";
    /** The user of {@link #startTls(String)}'s password (an ACL user, as ElastiCache RBAC has). */
    public static final String TLS_USER = "edgeledger";

    private final Process process;
    private final int port;
    private final Path dir;
    private final TestCertificates certificates;
    private final String password;

    private RedisServer(Process process, int port, Path dir, TestCertificates certificates, String password) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.certificates = certificates;
        this.password = password;
    }

    public static RedisServer start() {
        try {
            return launch(freePort(), Files.createTempDirectory("edgeledger-redis-"), null, null);
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server: " + e.getMessage(), e);
        }
    }

    /** TLS only, no password. */
    public static RedisServer startTls() {
        return startTls(null);
    }

    /** TLS only; with a non-null {@code password}, only the ACL user {@link #TLS_USER} with that password gets in. */
    public static RedisServer startTls(String password) {
        try {
            Path dir = Files.createTempDirectory("edgeledger-redis-tls-");
            return launch(freePort(), dir, TestCertificates.create(dir.resolve("pki"), TLS_HOST), password);
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server with TLS: " + e.getMessage(), e);
        }
    }

    /** Starts the server again on the same port (and certificates) after {@link #kill} or {@link #stop}. */
    public RedisServer restart() {
        return launch(port, dir, certificates, password);
    }

    private static RedisServer launch(int port, Path dir, TestCertificates tls, String password) {
        String binary = findBinary();
        try {
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(binary, "--bind", "127.0.0.1 -::1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--loglevel", "warning"));
            if (tls == null) {
                command.addAll(java.util.List.of("--port", Integer.toString(port)));
            } else {
                command.addAll(java.util.List.of("--port", "0", "--tls-port", Integer.toString(port),
                        "--tls-cert-file", tls.serverCert().toString(), "--tls-key-file", tls.serverKey().toString(),
                        "--tls-ca-cert-file", tls.caCert().toString(), "--tls-auth-clients", "no"));
            }
            if (password != null) {
                command.addAll(java.util.List.of("--user", "default", "off", "--user", TLS_USER, "on", ">" + password, "~*", "&*", "+@all"));
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                    .start();
            RedisServer server = new RedisServer(process, port, dir, tls, password);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + binary + ": " + e.getMessage(), e);
        }
    }

    /** The PEM of the CA that signed the TLS server certificate (for EDGELEDGER_REDIS_CA_FILE). */
    public Path caFile() {
        if (certificates == null) {
            throw new IllegalStateException("not a TLS server: use RedisServer.startTls()");
        }
        return certificates.caCert();
    }

    public boolean tls() {
        return certificates != null;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /**
     * redis://127.0.0.1:PORT, as Quarkus and most clients take it; for a TLS server
     * rediss://[edgeledger:PASSWORD@]localhost:PORT (the name in its certificate).
     */
    public String url() {
        if (certificates == null) {
            return "redis://127.0.0.1:" + port;
        }
        return "rediss://" + (password == null ? "" : TLS_USER + ":" + password + "@") + TLS_HOST + ":" + port;
    }

    /** Stops the server cleanly and waits for it, e.g. to take Redis away in the middle of a test. */
    public void stop() {
        close();
    }

    /** Kills the server without a clean shutdown, for crash tests. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start: " + Files.readString(dir.resolve("redis.log")));
            }
            try (Socket socket = certificates == null ? new Socket() : trustingOurCa().createSocket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.setSoTimeout(2000);
                socket.getOutputStream().write("PING\r\n".getBytes());
                byte[] buf = new byte[64];
                int n = socket.getInputStream().read(buf);
                String answer = n > 0 ? new String(buf, 0, n) : "";
                // With a password the server answers NOAUTH: it is up all the same.
                if (answer.startsWith("+PONG") || answer.startsWith("-NOAUTH")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 10 s");
    }

    private javax.net.ssl.SSLSocketFactory trustingOurCa() throws IOException {
        try (var in = Files.newInputStream(certificates.caCert())) {
            var store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            var trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String findBinary() {
        for (String candidate : new String[] {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("redis-server not found: install it with 'apt-get install redis-server' "
                + "(./edgeledger test does this when run as root)");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
