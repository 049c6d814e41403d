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
}
