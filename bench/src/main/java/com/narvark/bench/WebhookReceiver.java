package com.narvark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * The customer's webhook endpoint, on loopback. "Down" means gone: the port refuses connections, as when the
 * receiver's process is stopped, not a polite 503. Every POST is noted by its event id (webhook-id header), so
 * duplicates and missing events are counted.
 */
final class WebhookReceiver {

    /** One received event: {@code delayMillis} from the event's {@code created_at} to its arrival here. */
    record Received(String eventId, String type, String otpId, Instant createdAt, Instant receivedAt) {

        long delayMillis() {
            return java.time.Duration.between(createdAt, receivedAt).toMillis();
        }
    }

    private final int port;
    private final Map<String, Integer> timesSeen = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    WebhookReceiver(int port) {
        this.port = port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/hooks", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode event = Api.JSON.readTree(body.readAllBytes());
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                if (timesSeen.merge(id, 1, Integer::sum) == 1) {
                    received.add(new Received(id, event.path("type").asText(),
                            event.path("data").path("otp_id").asText(), Instant.parse(event.path("created_at")
                            .asText()), Instant.now()));
                }
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    synchronized void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Events that arrived more than once (at-least-once delivery allows it; reported, not a failure). */
    long duplicates() {
        return timesSeen.values().stream().filter(n -> n > 1).count();
    }
}
