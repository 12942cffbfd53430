package com.narvark.gateway.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published openapi.yaml, read once per test JVM: its tree, to find operations, parameters and responses, and
 * JSON Schema validation (OpenAPI 3.1 dialect, networknt) of values against the schemas found in it.
 */
final class ContractDocument {

    static final String RESOURCE = "static/openapi.yaml";
    private static final String LOCATION = "classpath:" + RESOURCE;
    private static final ContractDocument SHARED = new ContractDocument();

    private final JsonNode root = read();
    /** Bodies are JSON: a number sent as a string is a drift, and formats (date-time, email, uri) are asserted. */
    private final SchemaRegistry bodies = registry(false);
    /** Parameters and headers are text on the wire: "20" is read as the integer the schema asks for. */
    private final SchemaRegistry texts = registry(true);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ContractDocument() {
    }

    static ContractDocument shared() {
        return SHARED;
    }

    DocumentNode root() {
        return new DocumentNode(root, "");
    }

    DocumentNode follow(DocumentNode node) {
        return node.follow(root);
    }

    /** What is wrong with {@code value} for the schema at {@code schema}; each message names where in the value. */
    List<String> problems(DocumentNode schema, JsonNode value, boolean fromText) {
        Schema compiled = schemas.computeIfAbsent((fromText ? "text:" : "json:") + schema.pointer(),
                key -> (fromText ? texts : bodies).getSchema(SchemaLocation.of(LOCATION + "#" + schema.pointer())));
        return compiled.validate(value).stream().map(Error::toString).toList();
    }

    private static SchemaRegistry registry(boolean typeLoose) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().typeLoose(typeLoose)
                .formatAssertionsEnabled(true).build();
        return SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemaRegistryConfig(config));
    }

    private static JsonNode read() {
        try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
