package io.edgeledger.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and a server certificate it signs, made with the openssl command line in a directory of the
 * test's own: what a TLS test needs to be real (verified chain, verified host name) without shipping keys.
 */
public record TestCertificates(Path caCert, Path serverCert, Path serverKey) {

    /** A new CA in {@code dir}, and a server certificate for {@code names} (DNS names or IP addresses). */
    public static TestCertificates create(Path dir, String... names) {
        try {
            Files.createDirectories(dir);
            Path caKey = dir.resolve("ca.key");
            Path caCert = dir.resolve("ca.pem");
            Path key = dir.resolve("server.key");
            Path csr = dir.resolve("server.csr");
            Path cert = dir.resolve("server.pem");
            Path ext = dir.resolve("server.ext");
            openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                    "-subj", "/CN=EdgeLedger test CA " + dir.getFileName(), "-keyout", caKey.toString(), "-out", caCert.toString());
            openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=" + names[0],
                    "-keyout", key.toString(), "-out", csr.toString());
            List<String> san = new ArrayList<>();
            for (String name : names) {
                san.add((name.matches("[0-9.]+") || name.contains(":") ? "IP:" : "DNS:") + name);
            }
            Files.writeString(ext, "subjectAltName=" + String.join(",", san) + "\nextendedKeyUsage=serverAuth\n");
            openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                    "-CAcreateserial", "-days", "2", "-extfile", ext.toString(), "-out", cert.toString());
            return new TestCertificates(caCert, cert, key);
        } catch (IOException e) {
            throw new IllegalStateException("could not make test certificates: " + e.getMessage(), e);
        }
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
