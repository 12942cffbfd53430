package com.narvark.gateway.support;

import com.narvark.gateway.contract.ContractCheck;
import com.narvark.gateway.contract.Exchange;
import com.narvark.gateway.contract.SentBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running gateway: real requests over loopback, nothing mocked. Every exchange is
 * checked against openapi.yaml ({@link ContractCheck}): a drift fails the test that made the call.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http;
    private final String baseUrl;
    private final boolean checkRequests;

    public Api(int port) {
        this("http://127.0.0.1:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), true);
    }

    private Api(String baseUrl, HttpClient http, boolean checkRequests) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.checkRequests = checkRequests;
    }

    /**
     * This client for a request the test sends off the contract on purpose and expects to be served (not refused
     * with a 4xx, which needs no opt-out): the answer is still checked, the request is not.
     */
    public Api sendingOffContract() {
        return new Api(baseUrl, http, false);
    }

    public Response post(String path, String bearer, String body) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    public Response delete(String path, String bearer) {
        return send(request(path, bearer).DELETE());
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
            ContractCheck.shared().verify(new Exchange(sent.method(), sent.uri(), sent.headers().map(),
                    SentBody.of(sent), response.statusCode(), response.headers().map(), response.body()),
                    checkRequests);
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
