package com.narvark.gateway.operations;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the console's structured (ECS) log lines; other output (Maven, the SMSC stand-in) is skipped. */
final class JsonLogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLogs() {
    }

    static List<JsonNode> lines(String console) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : console.split("\n")) {
            if (line.startsWith("{") && line.endsWith("}")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (RuntimeException notJson) {
                    // a line that only looks like JSON
                }
            }
        }
        return lines;
    }

    /** A field by its dotted ECS name, whether the writer nested it or not; "" when absent. */
    static String field(JsonNode line, String dottedName) {
        if (line.has(dottedName)) {
            return line.get(dottedName).asString();
        }
        JsonNode node = line;
        for (String part : dottedName.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }

    static String traceId(JsonNode line) {
        String ecs = field(line, "trace.id");
        return ecs.isEmpty() ? field(line, "traceId") : ecs;
    }
}
