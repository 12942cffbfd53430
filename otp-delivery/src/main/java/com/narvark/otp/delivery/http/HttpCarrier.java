package com.narvark.otp.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import com.narvark.otp.delivery.CarrierRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP exchange with a carrier's REST API. A 2xx answer is parsed as JSON; a 4xx is the carrier refusing (it
 * will not change its mind on a retry); a 5xx, a timeout or a broken connection leave the outcome unknown and are
 * thrown as {@link IOException} so the attempt is retried once with the same idempotency reference. A refused
 * connection means the carrier never saw the request: that is a refusal too, so the fallback can start at once.
 */
final class HttpCarrier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpCarrier() {
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode exchange(HttpRequest.Builder request, String carrier, java.util.function.Function<JsonNode,
            CarrierFailure> refusal) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException unreachable) {
            throw new CarrierRefusedException(FailureReason.CARRIER_UNAVAILABLE, carrier + " could not be reached");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return JSON.readTree(response.body());
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new CarrierRefusedException(refusal.apply(parse(response.body())),
                    carrier + " refused the message with HTTP " + status);
        }
        throw new IOException(carrier + " answered HTTP " + status);
    }

    static URI uri(String base, String path) {
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
