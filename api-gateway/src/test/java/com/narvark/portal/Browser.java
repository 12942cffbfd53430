package com.narvark.portal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that posts forms the way a browser does (no redirects followed, no script). It keeps
 * cookies itself and sends them explicitly: the gateway under test runs in production mode, so the portal cookie is
 * {@code Secure}, and java.net's CookieManager would never send a Secure cookie over the tests' plain http, where a
 * real deployment has a TLS-terminating proxy in front. Path and expiry are ignored (the portal sets one cookie).
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The cookie header this browser sends, for requests made by other means (a forged Host header). */
    String cookieHeader() {
        return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    record Page(int status, String body, java.net.http.HttpHeaders headers) {

        String csrf() {
            Matcher matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no CSRF field on the page: " + body);
            }
            return matcher.group(1);
        }

        String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path)).GET());
    }

    /** Values may be strings or lists of strings (checkboxes). */
    Page post(String path, Map<String, ?> form) {
        String body = form.entrySet().stream().flatMap(field -> (field.getValue() instanceof List<?> values
                        ? values.stream() : java.util.stream.Stream.of(field.getValue()))
                        .map(value -> encode(field.getKey()) + "=" + encode(String.valueOf(value))))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String[] pair = header.split(";", 2)[0].split("=", 2);
                cookies.put(pair[0].strip(), pair.length == 2 ? pair[1].strip() : "");
            }
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
