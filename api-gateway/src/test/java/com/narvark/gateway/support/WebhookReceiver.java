package com.narvark.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on loopback standing in for a customer's webhook endpoint. It records every request as
 * received (raw body bytes and headers) and answers whatever the test's responder says, by request number.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile BiFunction<Integer, String, Answer> responder = (n, path) -> Answer.status(200);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** @param responder the answer to the n-th request (1-based, counted over every path) */
    public void answer(Function<Integer, Answer> responder) {
        this.responder = (n, path) -> responder.apply(n);
    }

    /** @param responder the answer to a request for the path */
    public void answerByPath(Function<String, Answer> responder) {
        this.responder = (n, path) -> responder.apply(path);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests whose answer was 2xx: what the receiver actually accepted. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answeredStatus() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Answer answer = responder.apply(count.incrementAndGet(), exchange.getRequestURI().getPath());
        received.add(new Received(Instant.now(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body, answer.status()));
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public record Answer(int status, Map<String, String> headers, long delayMillis) {

        public static Answer status(int status) {
            return new Answer(status, Map.of(), 0);
        }
    }

    public record Received(Instant at, String path, Map<String, List<String>> headers, byte[] body,
                           int answeredStatus) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String eventId() {
            return json().get("id").asString();
        }

        public String type() {
            return json().get("type").asString();
        }

        public String otpId() {
            return json().get("data").get("otp_id").asString();
        }
    }
}
