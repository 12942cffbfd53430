package com.narvark.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * What an answer does that its operation does not document: a status it does not list, a media type or body its
 * schema refuses, a documented header missing or malformed.
 */
final class ResponseCheck {

    private final ContractDocument document;

    ResponseCheck(ContractDocument document) {
        this.document = document;
    }

    List<String> problems(DocumentNode operation, Exchange exchange) {
        List<String> problems = new ArrayList<>();
        DocumentNode responses = operation.get("responses");
        DocumentNode response = documentedStatus(responses, exchange.status());
        if (response == null) {
            problems.add("status " + exchange.status() + " is not documented (documented: "
                    + String.join(", ", responses.value().propertyNames()) + ")");
            return problems;
        }
        response = document.follow(response);
        headers(response.get("headers"), exchange, problems);
        body(response.get("content"), exchange, problems);
        return problems;
    }

    /** The response object for {@code status}: its exact code, else its range ({@code 4XX}), else {@code default}. */
    static DocumentNode documentedStatus(DocumentNode responses, int status) {
        for (String key : List.of(String.valueOf(status), (status / 100) + "XX", (status / 100) + "xx", "default")) {
            if (responses.get(key).present()) {
                return responses.get(key);
            }
        }
        return null;
    }

    private void headers(DocumentNode headers, Exchange exchange, List<String> problems) {
        if (!headers.present()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : headers.value().properties()) {
            String name = entry.getKey();
            if (name.equalsIgnoreCase("Content-Type")) {
                continue; // described by the content map, and OpenAPI says to ignore it here
            }
            DocumentNode header = document.follow(headers.get(name));
            String value = exchange.responseHeader(name);
            if (value == null) {
                if (header.value().path("required").asBoolean(false)) {
                    problems.add("header " + name + " is required but missing");
                }
                continue;
            }
            DocumentNode schema = header.get("schema");
            if (schema.present()) {
                document.problems(schema, StringNode.valueOf(value), true)
                        .forEach(problem -> problems.add("header " + name + " '" + value + "': " + problem));
            }
        }
    }

    private void body(DocumentNode content, Exchange exchange, List<String> problems) {
        if (!exchange.hasResponseBody()) {
            // HEAD has no body by definition; an NDJSON stream of no lines is the empty result, not a missing body.
            if (content.present() && !content.value().isEmpty() && !"HEAD".equals(exchange.method())
                    && !content.get(Payloads.NDJSON).present()) {
                problems.add("body: none, the document describes " + Payloads.listed(content));
            }
            return;
        }
        if (!content.present()) {
            problems.add("body: " + exchange.responseBody().length() + " characters where the document describes"
                    + " none");
            return;
        }
        String contentType = exchange.responseHeader("Content-Type");
        String mediaType = Payloads.documented(content, contentType);
        if (mediaType == null) {
            problems.add("body: Content-Type " + contentType + " is not documented " + Payloads.listed(content));
            return;
        }
        DocumentNode schema = content.get(mediaType).get("schema");
        if (!schema.present()) {
            return;
        }
        try {
            for (JsonNode value : Payloads.values(mediaType, exchange.responseBody())) {
                document.problems(schema, value, false).forEach(problem -> problems.add("body: " + problem));
            }
        } catch (Payloads.NotReadable e) {
            problems.add("body: " + e.getMessage());
        }
    }
}
