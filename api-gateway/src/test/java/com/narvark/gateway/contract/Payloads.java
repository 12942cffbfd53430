package com.narvark.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Media types and bodies: which documented media type a Content-Type falls under, and a body read as the values its
 * schema describes (a JSON document; each line of NDJSON; a form as an object of strings; anything else as text).
 */
final class Payloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NDJSON = "application/x-ndjson";
    static final String FORM = "application/x-www-form-urlencoded";

    private Payloads() {
    }

    /** The key of {@code content} that {@code contentType} falls under: exact first, then {@code type/*}, then any. */
    static String documented(DocumentNode content, String contentType) {
        if (contentType == null || !content.present()) {
            return null;
        }
        String essence = essence(contentType);
        String range = essence.substring(0, Math.max(0, essence.indexOf('/'))) + "/*";
        String match = null;
        for (String documented : content.value().propertyNames()) {
            String candidate = essence(documented);
            if (candidate.equals(essence)) {
                return documented;
            }
            if (candidate.equals(range) || (match == null && candidate.equals("*/*"))) {
                match = documented;
            }
        }
        return match;
    }

    static String essence(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String mediaType) {
        String essence = essence(mediaType);
        return essence.equals("application/json") || essence.endsWith("+json");
    }

    /** The values a body of {@code mediaType} holds, for its schema; throws {@link NotReadable} on broken JSON. */
    static List<JsonNode> values(String mediaType, String body) {
        String essence = essence(mediaType);
        if (isJson(essence)) {
            return List.of(json(body));
        }
        if (essence.equals(NDJSON)) {
            List<JsonNode> lines = new ArrayList<>();
            body.lines().filter(line -> !line.isBlank()).forEach(line -> lines.add(json(line)));
            return lines;
        }
        if (essence.equals(FORM)) {
            return List.of(form(body));
        }
        return List.of(StringNode.valueOf(body));
    }

    static List<String> listed(DocumentNode content) {
        List<String> types = new ArrayList<>();
        if (content.present()) {
            content.value().propertyNames().forEach(types::add);
        }
        return types;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new NotReadable("not JSON: " + e.getOriginalMessage());
        }
    }

    /** A form as an object of strings; a name given twice becomes an array of its values. */
    static ObjectNode form(String body) {
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        QueryString.parse(body).forEach((name, values) -> {
            if (values.size() == 1) {
                form.put(name, values.get(0));
            } else {
                ArrayNode array = form.putArray(name);
                values.forEach(array::add);
            }
        });
        return form;
    }

    static final class NotReadable extends RuntimeException {
        NotReadable(String message) {
            super(message);
        }
    }
}
