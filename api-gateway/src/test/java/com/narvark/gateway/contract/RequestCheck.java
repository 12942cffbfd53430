package com.narvark.gateway.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * What a request does that its operation does not allow: a missing credential, parameter or body, a parameter or
 * body its schema refuses, a media type the operation does not take. Each problem names the part at fault.
 */
final class RequestCheck {

    private final ContractDocument document;

    RequestCheck(ContractDocument document) {
        this.document = document;
    }

    List<String> problems(DocumentNode pathItem, DocumentNode operation, Map<String, String> pathVariables,
            Exchange exchange) {
        List<String> problems = new ArrayList<>();
        credential(operation, exchange, problems);
        Map<String, List<String>> query = QueryString.parse(exchange.uri().getRawQuery());
        for (DocumentNode parameter : parameters(pathItem, operation).values()) {
            String name = parameter.value().path("name").asString();
            String in = parameter.value().path("in").asString();
            List<String> values = switch (in) {
                case "path" -> pathVariables.containsKey(name) ? List.of(pathVariables.get(name)) : List.of();
                case "query" -> query.getOrDefault(name, List.of());
                case "header" -> exchange.requestHeaders().getOrDefault(name, List.of());
                default -> List.of();
            };
            parameter(parameter, in + " parameter " + name, values, problems);
        }
        body(document.follow(operation.get("requestBody")), exchange, problems);
        return problems;
    }

    /** Path-level parameters, overridden by the operation's own of the same name and place. */
    private Map<String, DocumentNode> parameters(DocumentNode pathItem, DocumentNode operation) {
        Map<String, DocumentNode> parameters = new LinkedHashMap<>();
        for (DocumentNode list : List.of(pathItem.get("parameters"), operation.get("parameters"))) {
            for (int i = 0; i < list.value().size(); i++) {
                DocumentNode parameter = document.follow(list.item(i));
                String key = parameter.value().path("in").asString() + ":"
                        + parameter.value().path("name").asString().toLowerCase(Locale.ROOT);
                parameters.put(key, parameter);
            }
        }
        return parameters;
    }

    private void parameter(DocumentNode parameter, String label, List<String> values, List<String> problems) {
        if (values.isEmpty()) {
            if (parameter.value().path("required").asBoolean(false)) {
                problems.add(label + " is required but missing");
            }
            return;
        }
        DocumentNode schema = parameter.get("schema");
        if (!schema.present()) {
            return;
        }
        boolean array = "array".equals(document.follow(schema).value().path("type").asString(""));
        if (array) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            values.forEach(items::add);
            document.problems(schema, items, true).forEach(problem -> problems.add(label + ": " + problem));
        } else if (values.size() > 1) {
            problems.add(label + " is given " + values.size() + " times; the document takes one value");
        } else {
            document.problems(schema, StringNode.valueOf(values.get(0)), true)
                    .forEach(problem -> problems.add(label + ": " + problem));
        }
    }

    /** The operation's security: any one of its requirements met. Only bearer credentials appear in the document. */
    private void credential(DocumentNode operation, Exchange exchange, List<String> problems) {
        DocumentNode security = operation.get("security").present() ? operation.get("security")
                : document.root().get("security");
        if (!security.present() || security.value().isEmpty()) {
            return;
        }
        String authorization = exchange.requestHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
        for (JsonNode requirement : security.value()) {
            if (requirement.isEmpty() || bearer) {
                return;
            }
        }
        problems.add("credential: the operation takes Authorization: Bearer …, the request "
                + (authorization == null ? "sent none" : "sent another scheme"));
    }

    private void body(DocumentNode requestBody, Exchange exchange, List<String> problems) {
        if (!exchange.hasRequestBody()) {
            if (requestBody.present() && requestBody.value().path("required").asBoolean(false)) {
                problems.add("body: required but missing");
            }
            return;
        }
        if (!requestBody.present()) {
            problems.add("body: the operation takes none, the request sent " + exchange.requestBody().length()
                    + " characters");
            return;
        }
        String contentType = exchange.requestHeader("Content-Type");
        DocumentNode content = requestBody.get("content");
        String mediaType = Payloads.documented(content, contentType);
        if (mediaType == null) {
            problems.add("body: Content-Type " + contentType + " is not one the operation takes "
                    + Payloads.listed(content));
            return;
        }
        DocumentNode schema = content.get(mediaType).get("schema");
        if (!schema.present()) {
            return;
        }
        try {
            boolean form = Payloads.essence(mediaType).equals(Payloads.FORM);
            for (JsonNode value : Payloads.values(mediaType, exchange.requestBody())) {
                document.problems(schema, value, form).forEach(problem -> problems.add("body: " + problem));
            }
        } catch (Payloads.NotReadable e) {
            problems.add("body: " + e.getMessage());
        }
    }
}
