package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One deadline bounds the whole exchange. Each receiver here sends a byte every 300 ms, well inside the 1 s
 * timeout, so a per-read timeout alone never fires: only the deadline ends these attempts.
 */
class PinnedHttpPosterDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final long TRICKLE_MILLIS = 300;

    private ServerSocket server;

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void shouldTimeOutAtTheDeadlineWhenTheReceiverTricklesItsTlsHandshake() throws IOException {
        // A TLS record header announcing 16 KiB of handshake, then its body a byte at a time: the client keeps
        // waiting for the rest of the record.
        start(true, new byte[] {0x16, 0x03, 0x03, 0x40, 0x00}, (byte) 0);

        assertTimedOutAtTheDeadline("https://127.0.0.1:" + server.getLocalPort() + "/hooks", new byte[0]);
    }

    @Test
    void shouldTimeOutAtTheDeadlineWhenTheReceiverTricklesItsResponseHeaders() throws IOException {
        start(true, "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII), (byte) 'a');

        assertTimedOutAtTheDeadline("http://127.0.0.1:" + server.getLocalPort() + "/hooks", new byte[0]);
    }

    @Test
    void shouldTimeOutAtTheDeadlineWhenTheReceiverAcceptsButNeverAnswers() throws IOException {
        start(true, null, (byte) 0);

        assertTimedOutAtTheDeadline("http://127.0.0.1:" + server.getLocalPort() + "/hooks", new byte[0]);
    }

    @Test
    void shouldTimeOutAtTheDeadlineWhenTheReceiverNeverReadsTheRequest() throws IOException {
        // A read timeout does not apply to writes: a body larger than the socket buffers blocks the write.
        start(false, null, (byte) 0);

        assertTimedOutAtTheDeadline("http://127.0.0.1:" + server.getLocalPort() + "/hooks", new byte[64 << 20]);
    }

    private void assertTimedOutAtTheDeadline(String url, byte[] body) {
        PinnedHttpPoster poster = new PinnedHttpPoster(new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8"))),
                TIMEOUT, Clock.systemUTC());
        long started = System.nanoTime();

        PostResult result = poster.post(url, Map.of(), body);

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).isEqualTo("timed out after 1 s");
        // Before the deadline: this ran for hours (TLS), twice the timeout (headers), or forever (write).
        assertThat(tookMillis).isBetween(TIMEOUT.toMillis() - 100, TIMEOUT.toMillis() + 900);
        assertThat(result.latencyMillis()).isBetween(TIMEOUT.toMillis() - 100, TIMEOUT.toMillis() + 900);
    }

    /**
     * A loopback TCP receiver: per connection it reads (or not) whatever the client sends, and writes
     * {@code prefix} then {@code filler} forever, a byte every 300 ms ({@code prefix} null: it writes nothing).
     */
    private void start(boolean readRequest, byte[] prefix, byte filler) throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    if (readRequest) {
                        daemon(() -> drain(connection));
                    }
                    daemon(() -> trickle(connection, prefix, filler));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void trickle(Socket connection, byte[] prefix, byte filler) {
        try (connection) {
            OutputStream out = connection.getOutputStream();
            for (int i = 0; !server.isClosed(); i++) {
                Thread.sleep(TRICKLE_MILLIS);
                if (prefix != null) {
                    out.write(i < prefix.length ? prefix[i] : filler);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client hung up: what the test expects.
        }
    }

    private static void drain(Socket connection) {
        try {
            InputStream in = connection.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // Read and dropped, so the client's request never blocks on a full socket buffer.
            }
        } catch (IOException e) {
            // The client hung up.
        }
    }

    private static void daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "trickling-receiver");
        thread.setDaemon(true);
        thread.start();
    }
}
