package io.edgeledger.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a client needs to verify a {@code rediss://} server: the JVM's trusted roots (Amazon's among them), plus
 * the CA certificates of {@code EDGELEDGER_REDIS_CA_FILE} when set, and host name checking as for HTTPS.
 */
public final class RedisTls {
    private RedisTls() {}

    /** Trust for {@code settings}: the JVM's default store, with the CA file's certificates added. */
    public static TrustManagerFactory trust(RedisSettings settings) {
        try {
            TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jvm.init((KeyStore) null);
            if (settings.caFile() == null) {
                return jvm;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (var manager : jvm.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate root : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("jvm-" + n++, root);
                    }
                }
            }
            for (Certificate ca : readPem(settings.caFile())) {
                store.setCertificateEntry("ca-file-" + n++, ca);
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(store);
            return combined;
        } catch (GeneralSecurityException | IOException e) {
            throw new RedisSettingsException("cannot set up TLS trust for Redis: " + e.getMessage(), e);
        }
    }

    public static SSLContext context(RedisSettings settings) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust(settings).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new RedisSettingsException("cannot set up TLS for Redis: " + e.getMessage(), e);
        }
    }

    /** Parameters that make the handshake check the server's name against its certificate. */
    public static SSLParameters verifyingHostName() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    private static Collection<? extends Certificate> readPem(Path file) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new RedisSettingsException(RedisSettings.CA_FILE_VARIABLE + "=" + file + " holds no certificate: give a PEM file"
                        + " with the CA certificate(s) (-----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw new RedisSettingsException(RedisSettings.CA_FILE_VARIABLE + "=" + file + " does not exist: give the PEM file of"
                    + " the CA that signed the Redis server certificate, or unset it to trust the JVM's default roots");
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new RedisSettingsException(RedisSettings.CA_FILE_VARIABLE + "=" + file + " is not a readable PEM certificate file: "
                    + e.getMessage());
        }
    }
}
