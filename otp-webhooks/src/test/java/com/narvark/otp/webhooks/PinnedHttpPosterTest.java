package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poster against a real HTTP server on loopback. */
class PinnedHttpPosterTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", exchange -> {
            seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("X-Test") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            seen.add("moved");
            exchange.getResponseHeaders().add("Location", base + "/ok");
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/hang", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private PinnedHttpPoster poster(NetworkGuard guard) {
        return new PinnedHttpPoster(guard, Duration.ofMillis(500), Clock.systemUTC());
    }

    private static NetworkGuard loopbackAllowed() {
        return new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8")));
    }

    @Test
    void shouldPostTheExactBodyAndHeadersWhenTheAddressIsAllowed() {
        PostResult result = poster(loopbackAllowed()).post(base + "/ok?a=1", Map.of("X-Test", "yes"),
                "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.httpStatus()).isEqualTo(204);
        assertThat(result.succeeded()).isTrue();
        assertThat(seen).containsExactly("/ok?a=1 yes {\"name\":\"Zoë\"}");
    }

    @Test
    void shouldNotConnectWhenTheGuardRefusesTheAddressAtDelivery() {
        PostResult result = poster(new NetworkGuard(List.of())).post(base + "/ok", Map.of(), new byte[0]);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).startsWith("address refused");
        assertThat(seen).isEmpty();
    }

    @Test
    void shouldNotFollowTheRedirectWhenTheReceiverAnswers301() {
        PostResult result = poster(loopbackAllowed()).post(base + "/moved", Map.of(), new byte[0]);

        assertThat(result.httpStatus()).isEqualTo(301);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(seen).containsExactly("moved");
    }

    @Test
    void shouldGiveUpWhenTheReceiverHangsPastTheTimeout() {
        PostResult result = poster(loopbackAllowed()).post(base + "/hang", Map.of(), new byte[0]);

        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).contains("timed out");
        assertThat(result.latencyMillis()).isBetween(400L, 2_000L);
    }

    @Test
    void shouldReportConnectionRefusedWhenNothingListens() {
        server.stop(0);

        PostResult result = poster(loopbackAllowed()).post(base + "/ok", Map.of(), new byte[0]);

        assertThat(result.httpStatus()).isNull();
        assertThat(result.error()).isEqualTo("connection refused");
    }
}
