package com.narvark.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/**
 * The contract check catches drift and lets the contract through: made-up exchanges, no server, so that a check
 * that silently passes everything (a schema never found, a dialect that ignores {@code const}) fails here.
 */
class ContractCheckTest {

    private static final String JSON = "application/json";
    private static final String KEY = "Bearer nvk_test_sk_0123456789abcdefghjkmnpqrstvwxyz";
    private static final String BAD_TTL = "{\"error\":{\"code\":\"invalid_request\",\"message\":\"ttl\",\"param\":\"ttl\"}}";
    private final ContractCheck check = ContractCheck.shared();

    @Test
    void shouldPassWhenTheAnswerIsTheDocumentedOne() {
        assertThat(check.problems(get("/actuator/health", 200, "{\"status\":\"UP\",\"groups\":[\"liveness\"]}"),
                true)).isEmpty();
        assertThat(check.problems(post("/v1/otp/send", "{\"ttl\":1}", 400, BAD_TTL), true)).isEmpty();
    }

    @Test
    void shouldNameTheFieldWhenABodyBreaksItsSchema() {
        assertThat(check.problems(get("/actuator/health", 200, "{\"status\":\"SIDEWAYS\"}"), true))
                .singleElement().asString().startsWith("response body: ").contains("/status");
        assertThat(check.problems(post("/v1/otp/send", "{}", 400, "{\"error\":{\"code\":\"invalid_request\"}}"),
                true)).singleElement().asString().contains("message");
    }

    @Test
    void shouldReportAnUndocumentedStatusOrMediaType() {
        assertThat(check.problems(get("/actuator/health", 418, "{\"status\":\"UP\"}"), true)).singleElement()
                .asString().contains("status 418 is not documented");
        Exchange html = new Exchange("GET", URI.create("/actuator/health"), Map.of(), null, 200,
                Map.of("Content-Type", List.of("text/html")), "<p>up</p>");
        assertThat(check.problems(html, true)).singleElement().asString().contains("text/html");
    }

    @Test
    void shouldAcceptAnOffContractRequestOnlyWhenItIsRefusedWithA4xx() {
        Exchange refused = post("/v1/otp/send", "{\"to\":5}", 400, BAD_TTL);
        assertThat(check.problems(refused, true)).isEmpty();

        Exchange served = post("/v1/otp/verify", "{\"id\":5}", 200, "{}");
        assertThat(check.problems(served, true)).anyMatch(problem -> problem.startsWith("request body: ")
                && problem.contains("yet answered 200"));
        assertThat(check.problems(served, false)).noneMatch(problem -> problem.startsWith("request "));
    }

    @Test
    void shouldHoldUndocumentedPathsUnderV1ToTheErrorEnvelope() {
        String notFound = "{\"error\":{\"code\":\"not_found\",\"message\":\"no such route\"}}";
        assertThat(check.problems(get("/v1/nothing/here", 404, notFound), true)).isEmpty();
        assertThat(check.problems(get("/v1/nothing/here", 200, "{}"), true)).singleElement().asString()
                .contains("instead of a 4xx");
        assertThat(check.problems(get("/elsewhere", 200, "anything"), true)).as("outside the document").isEmpty();
        String refused = "{\"error\":{\"code\":\"invalid_request\",\"message\":\"not canonical\"}}";
        assertThat(check.problems(get("/v1/otp/otp_x%2f..", 400, refused), true)).as("non-canonical").isEmpty();
        Exchange html = new Exchange("GET", URI.create("/v1/admin%2faccounts"), Map.of(), null, 400,
                Map.of("Content-Type", List.of("text/html")), "<h1>400</h1>");
        assertThat(check.problems(html, true)).singleElement().asString().contains("not the JSON error");
    }

    @Test
    void shouldMatchAConcretePathBeforeATemplatedOne() {
        // /v1/otp/send is the send operation (POST only), not GET /v1/otp/{id} with the id "send".
        Exchange wrongMethod = new Exchange("GET", URI.create("/v1/otp/send"), Map.of("Authorization", List.of(KEY)),
                null, 405, Map.of("Content-Type", List.of(JSON), "Allow", List.of("POST")),
                "{\"error\":{\"code\":\"invalid_request\",\"message\":\"use POST\"}}");
        assertThat(check.problems(wrongMethod, true)).isEmpty();
    }

    /** The OpenAPI 3.1 keywords a 3.0 validator would skip: type lists with null, const, asserted formats. */
    @Test
    void shouldApplyOpenApi31KeywordsWhenValidatingAgainstTheDocument() {
        ContractDocument document = ContractDocument.shared();
        DocumentNode schemas = document.root().get("components").get("schemas");
        DocumentNode nullableTimestamp = schemas.get("NullableTimestamp");
        assertThat(document.problems(nullableTimestamp, NullNode.getInstance(), false)).isEmpty();
        assertThat(document.problems(nullableTimestamp, IntNode.valueOf(5), false)).isNotEmpty();
        assertThat(document.problems(nullableTimestamp, StringNode.valueOf("yesterday"), false)).isNotEmpty();
        assertThat(document.problems(schemas.get("Otp").get("properties").get("object"), StringNode.valueOf("key"),
                false)).isNotEmpty();
    }

    @Test
    void shouldFailWithMethodPathStatusAndMessagesWhenVerifying() {
        assertThatThrownBy(() -> check.verify(get("/actuator/health", 200, "{\"status\":7}"), true))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("GET /actuator/health answered 200 [health at /actuator/health]")
                .hasMessageContaining("/status");
    }

    private static Exchange get(String path, int status, String body) {
        return new Exchange("GET", URI.create(path), Map.of(), null, status, Map.of("Content-Type", List.of(JSON)),
                body);
    }

    private static Exchange post(String path, String body, int status, String answer) {
        return new Exchange("POST", URI.create(path), Map.of("Authorization", List.of(KEY), "Content-Type",
                List.of(JSON)), body, status, Map.of("Content-Type", List.of(JSON)), answer);
    }
}
