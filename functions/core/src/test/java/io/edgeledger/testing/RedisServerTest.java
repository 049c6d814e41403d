package io.edgeledger.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class RedisServerTest {
    @Test
    void startsAPrivateServerThatAnswersAndStops() throws Exception {
        int port;
        try (RedisServer redis = RedisServer.start()) {
            port = redis.port();
            try (Socket socket = new Socket(redis.host(), port)) {
                socket.getOutputStream().write("SET k v\r\nGET k\r\n".getBytes());
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
                assertThat(in.readLine()).isEqualTo("+OK");
                assertThat(in.readLine()).isEqualTo("$1");
                assertThat(in.readLine()).isEqualTo("v");
            }
        }
        int stoppedPort = port;
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> new Socket("127.0.0.1", stoppedPort).close());
    }

    @Test
    void tlsModeAnswersOnlyOverTlsWithItsCaAndPassword() throws Exception {
        try (RedisServer redis = RedisServer.startTls("s3cret")) {
            assertThat(redis.url()).isEqualTo("rediss://edgeledger:s3cret@localhost:" + redis.port());
            var store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            store.load(null, null);
            try (var in = java.nio.file.Files.newInputStream(redis.caFile())) {
                store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            var trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            try (var socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket("localhost", redis.port())) {
                var parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.getOutputStream().write("AUTH edgeledger s3cret\r\nPING\r\n".getBytes());
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
                assertThat(in.readLine()).isEqualTo("+OK");
                assertThat(in.readLine()).isEqualTo("+PONG");
            }
            // Plain text on the same port gets no Redis answer.
            try (Socket plain = new Socket("127.0.0.1", redis.port())) {
                plain.setSoTimeout(3000);
                plain.getOutputStream().write("PING\r\n".getBytes());
                int first;
                try {
                    first = plain.getInputStream().read();
                } catch (java.io.IOException closedOrTimedOut) {
                    first = -1;
                }
                assertThat(first).isNotEqualTo((int) '+');
            }
        }
    }
}
