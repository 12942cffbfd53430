package com.narvark.gateway.contract;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request and the answer it got, as the tests saw them on the wire. Header names are case-insensitive;
 * a null body is no body.
 */
public record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
        int status, Map<String, List<String>> responseHeaders, String responseBody) {

    public Exchange {
        requestHeaders = caseInsensitive(requestHeaders);
        responseHeaders = caseInsensitive(responseHeaders);
    }

    String requestHeader(String name) {
        return first(requestHeaders, name);
    }

    String responseHeader(String name) {
        return first(responseHeaders, name);
    }

    boolean hasRequestBody() {
        return requestBody != null && !requestBody.isEmpty();
    }

    boolean hasResponseBody() {
        return responseBody != null && !responseBody.isEmpty();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.computeIfAbsent(name, key -> new java.util.ArrayList<>())
                    .addAll(values));
        }
        return copy;
    }
}
