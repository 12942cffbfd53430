package com.narvark.gateway.contract;

import tools.jackson.databind.JsonNode;

/**
 * A node of openapi.yaml with its JSON pointer, so that a schema found by walking the document can be handed to the
 * schema validator by location (its {@code $ref}s then resolve against the whole document, as the spec says).
 */
record DocumentNode(JsonNode value, String pointer) {

    DocumentNode get(String name) {
        return new DocumentNode(value.path(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    DocumentNode item(int index) {
        return new DocumentNode(value.path(index), pointer + "/" + index);
    }

    /** Follows local {@code $ref}s (responses, parameters, headers, request bodies) to the object they name. */
    DocumentNode follow(JsonNode root) {
        DocumentNode node = this;
        for (int hops = 0; node.value.has("$ref"); hops++) {
            String ref = node.value.get("$ref").asString();
            if (!ref.startsWith("#/") || hops > 10) {
                throw new IllegalStateException("openapi.yaml: cannot follow $ref " + ref + " at " + node.pointer);
            }
            node = new DocumentNode(root.at(ref.substring(1)), ref.substring(1));
        }
        return node;
    }

    boolean present() {
        return !value.isMissingNode() && !value.isNull();
    }
}
