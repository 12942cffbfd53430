package com.narvark.gateway.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the document's Errors section promises for requests no operation describes: an unknown path under
 * {@code /v1/} answers {@code 404 not_found}, a known path with another method {@code 405} with an {@code Allow}
 * header, a non-canonical path {@code 400}; each a 4xx in the error envelope ({@code #/components/schemas/Error}).
 */
final class ErrorAnswer {

    private ErrorAnswer() {
    }

    static List<String> problems(ContractDocument document, Exchange exchange, String why) {
        if (exchange.status() / 100 != 4) {
            return List.of(why + ", yet answered " + exchange.status() + " instead of a 4xx error");
        }
        if (!exchange.hasResponseBody()) {
            return List.of(why + ": the " + exchange.status() + " answer has no error body");
        }
        String contentType = exchange.responseHeader("Content-Type");
        if (contentType == null || !Payloads.isJson(contentType)) {
            return List.of(why + ": the " + exchange.status() + " answer is " + contentType + ", not the JSON error");
        }
        DocumentNode envelope = document.root().get("components").get("schemas").get("Error");
        try {
            return Payloads.values(contentType, exchange.responseBody()).stream()
                    .flatMap(value -> document.problems(envelope, value, false).stream())
                    .map(problem -> why + ": error body " + problem).toList();
        } catch (Payloads.NotReadable e) {
            return List.of(why + ": error body " + e.getMessage());
        }
    }

    /** A 405 lists in {@code Allow} the methods the document has for the path (HEAD and OPTIONS aside). */
    static List<String> allowHeader(Exchange exchange, Set<String> documented) {
        if (exchange.status() != 405) {
            return List.of();
        }
        String allow = exchange.responseHeader("Allow");
        Set<String> allowed = allow == null ? Set.of() : Arrays.stream(allow.split(","))
                .map(method -> method.trim().toUpperCase(Locale.ROOT))
                .filter(method -> !method.isEmpty() && !method.equals("HEAD") && !method.equals("OPTIONS"))
                .collect(Collectors.toCollection(TreeSet::new));
        // At least the documented ones: /v1/otp/verify also lists GET, which GET /v1/otp/{id} serves (with a 404).
        return allowed.containsAll(documented) ? List.of()
                : List.of("405 Allow header lists " + allowed + ", the document has " + documented);
    }
}
