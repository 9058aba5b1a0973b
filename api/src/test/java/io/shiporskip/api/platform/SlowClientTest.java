package io.shiporskip.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.CatalogDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that opens a connection and stops sending halfway through its headers is closed by the server's idle
 * timeout (30 s in production, 2 s here), instead of holding the connection for the default half hour.
 */
@QuarkusTest
@TestProfile(SlowClientTest.ShortIdleTimeout.class)
@WithTestResource(CatalogDatabase.class)
class SlowClientTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aConnectionStuckInItsHeadersIsClosed() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/categories HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the half-sent request open for 10 s", e);
            } catch (java.net.SocketException reset) {
                read = -1; // closed with a reset: closed all the same
            }
            long waited = (System.nanoTime() - started) / 1_000_000;
            assertEquals(-1, read, "the server answered instead of closing");
            assertTrue(waited >= 1_500, "closed after " + waited + " ms, before the idle timeout");
        }
    }
}
