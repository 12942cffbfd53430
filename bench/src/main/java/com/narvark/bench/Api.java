package com.narvark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The gateway's HTTP API, asynchronous, so that the load generator never waits for an answer. */
final class Api {

    /** {@code requestId}: the answer's Request-Id header, null when it had none; 0 when no Retry-After came. */
    record Answer(int status, JsonNode body, String requestId, int retryAfterSeconds) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    Api(String base) {
        this(base, Duration.ofSeconds(30));
    }

    /** {@code timeout}: how long one request may take before it counts as unanswered. */
    Api(String base, Duration timeout) {
        this.timeout = timeout;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, runnable -> {
                    Thread thread = new Thread(runnable, "http-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    CompletableFuture<Answer> post(String path, String bearer, Object body) {
        return post(path, bearer, body, Map.of());
    }

    CompletableFuture<Answer> post(String path, String bearer, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = request(path, bearer).header("Content-Type", "application/json");
            headers.forEach(request::header);
            return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletableFuture<Answer> get(String path, String bearer) {
        return send(request(path, bearer).GET().build());
    }

    /** A text document (the Prometheus scrape), blocking; empty when it is not a 200. */
    String getText(String path, String bearer) {
        HttpResponse<String> response = client.sendAsync(request(path, bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString()).join();
        return response.statusCode() == 200 ? response.body() : "";
    }

    /** Blocking form for the set-up calls. */
    Answer postNow(String path, String bearer, Object body) {
        Answer answer = post(path, bearer, body).join();
        if (!answer.ok()) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status + ": " + answer.body);
        }
        return answer;
    }

    private HttpRequest.Builder request(String path, String bearer) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearer);
    }

    private CompletableFuture<Answer> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            JsonNode body;
            try {
                body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (Exception notJson) {
                body = JSON.nullNode();
            }
            return new Answer(response.statusCode(), body, response.headers().firstValue("Request-Id").orElse(null),
                    response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,5}"))
                            .map(Integer::parseInt).orElse(0));
        });
    }
}
