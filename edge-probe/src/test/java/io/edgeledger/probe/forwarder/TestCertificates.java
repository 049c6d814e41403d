package io.edgeledger.probe.forwarder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway CA and a server certificate for 127.0.0.1/localhost signed by it (openssl, else the JDK's keytool), so tests
 * run real, verified TLS. {@code caPem} is what a probe configures as its CA bundle.
 */
public record TestCertificates(Path caPem, Path serverKeystore, char[] password) {
    private static TestCertificates shared;

    /** One CA per test JVM: keytool runs cost seconds each on a busy machine. */
    public static synchronized TestCertificates shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("edgeledger-test-ca");
            shared = generate(dir);
        }
        return shared;
    }

    public static TestCertificates generate(Path dir) throws IOException, InterruptedException {
        try {
            return withOpenssl(dir);
        } catch (IOException noOpenssl) {
            return withKeytool(dir); // always there, but 8 JVM starts: slow on a busy machine
        }
    }

    /** The same CA and server certificate with openssl (4 quick processes). */
    static TestCertificates withOpenssl(Path dir) throws IOException, InterruptedException {
        String pass = "changeit";
        Path ext = dir.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
                + "basicConstraints=CA:FALSE\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=EdgeLedger Test CA", "-days", "2",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", ext.toString());
        run(dir, "openssl", "pkcs12", "-export", "-inkey", "server.key", "-in", "server.crt", "-certfile", "ca.pem",
                "-out", "server.p12", "-passout", "pass:" + pass);
        return new TestCertificates(dir.resolve("ca.pem"), dir.resolve("server.p12"), pass.toCharArray());
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    static TestCertificates withKeytool(Path dir) throws IOException, InterruptedException {
        String pass = "changeit";
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path crt = dir.resolve("server.crt");
        Path caPem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=EdgeLedger Test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storepass",
                pass, "-storetype", "PKCS12");
        keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", pass, "-rfc", "-file",
                caPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "2", "-keystore", server.toString(), "-storepass", pass, "-storetype",
                "PKCS12");
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", pass, "-file",
                csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", pass, "-infile", csr.toString(),
                "-outfile", crt.toString(), "-rfc", "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-ext", "eku=serverAuth");
        keytool("-importcert", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString(),
                "-storepass", pass, "-noprompt");
        keytool("-importcert", "-alias", "server", "-file", crt.toString(), "-keystore", server.toString(),
                "-storepass", pass, "-noprompt");
        return new TestCertificates(caPem, server, pass.toCharArray());
    }

    public SSLContext serverContext() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeystore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
