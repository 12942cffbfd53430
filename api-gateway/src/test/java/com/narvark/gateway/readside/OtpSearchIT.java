package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/otp: every filter, pagination across pages without duplicates or gaps, scoping and hostile input. */
class OtpSearchIT extends GatewayIntegrationTest {

    private static final int SENT = 25;
    private static Keys keys;
    private static final List<JsonNode> sent = new ArrayList<>();

    /** Once per class: 25 test-mode OTPs (sms/email/voice in turn, two numbers, order=o0..o2), every fifth verified. */
    @BeforeEach
    void seed() {
        if (keys != null) {
            return;
        }
        keys = newAccount();
        for (int i = 0; i < SENT; i++) {
            String channel = List.of("sms", "email", "voice").get(i % 3);
            String to = channel.equals("email") ? "user" + (i % 2) + "@example.com"
                    : (i % 2 == 0 ? "+447911123456" : "+33612345678");
            Api.Response response = api.post("/v1/otp/send", keys.test(), Api.json(Map.of("to", to,
                    "channel", channel, "metadata", Map.of("order", "o" + (i % 3), "batch", "search"))));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            sent.add(response.json());
        }
        for (int i = 0; i < SENT; i += 5) {
            String id = sent.get(i).get("id").asString();
            assertThat(api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", id, "code", "123456")))
                    .json().get("valid").asBoolean()).isTrue();
        }
        // Search reads the projection; wait until it has caught up with the verifications.
        await(() -> search("status=verified&limit=100").get("data").size() == 5, Duration.ofSeconds(20));
        await(() -> search("limit=100").get("data").size() == SENT, Duration.ofSeconds(20));
    }

    private JsonNode search(String query) {
        Api.Response response = api.get("/v1/otp?" + query, keys.test());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(otp -> ids.add(otp.get("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void shouldWalkEveryOtpNewestFirstWithoutGapsWhenPaging() {
        List<String> walked = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        while (true) {
            JsonNode page = search("limit=7" + (cursor == null ? "" : "&starting_after=" + cursor));
            pages++;
            page.get("data").forEach(rows::add);
            walked.addAll(ids(page));
            if (!page.get("has_more").asBoolean()) {
                break;
            }
            cursor = walked.get(walked.size() - 1);
        }
        assertThat(pages).isEqualTo(4);
        assertThat(new HashSet<>(walked)).hasSize(SENT)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(o -> o.get("id").asString()).toList());
        Comparator<JsonNode> newestFirst = Comparator.<JsonNode, Instant>comparing(
                o -> Instant.parse(o.get("created_at").asString())).thenComparing(o -> o.get("id").asString())
                .reversed();
        assertThat(rows).isSortedAccordingTo(newestFirst);
    }

    @Test
    void shouldMatchOnlyTheFilteredOtpsWhenEachFilterIsUsed() {
        assertThat(search("status=verified").get("data")).allSatisfy(
                otp -> assertThat(otp.get("status").asString()).isEqualTo("verified")).hasSize(5);
        assertThat(search("channel=email&limit=100").get("data")).hasSize(8)
                .allSatisfy(otp -> assertThat(otp.get("channel").asString()).isEqualTo("email"));
        Set<String> toFr = new HashSet<>(ids(search("to=" + encode("+33612345678") + "&limit=100")));
        assertThat(toFr).hasSize(8);
        // A + left unencoded arrives as a space: a phone number still matches.
        assertThat(new HashSet<>(ids(search("to=+33612345678&limit=100")))).isEqualTo(toFr);
        assertThat(search("to=" + encode("user1@example.com") + "&limit=100").get("data")).hasSize(4);
        assertThat(search("metadata%5Border%5D=o1&limit=100").get("data")).hasSize(8)
                .allSatisfy(otp -> assertThat(otp.get("metadata").get("order").asString()).isEqualTo("o1"));
        assertThat(search("metadata%5Border%5D=o1&metadata%5Bbatch%5D=search&to=" + encode("user1@example.com"))
                .get("data")).hasSize(4);
        assertThat(search("metadata%5Border%5D=nope").get("data")).isEmpty();
    }

    @Test
    void shouldCutByCreationTimeWhenCreatedAfterAndBeforeAreGiven() {
        List<JsonNode> all = new ArrayList<>();
        search("limit=100").get("data").forEach(all::add);
        Instant pivot = Instant.parse(all.get(12).get("created_at").asString());
        JsonNode after = search("created_after=" + pivot + "&limit=100");
        JsonNode before = search("created_before=" + pivot + "&limit=100");
        assertThat(after.get("data")).allSatisfy(o -> assertThat(Instant.parse(o.get("created_at").asString()))
                .isAfter(pivot));
        assertThat(before.get("data")).allSatisfy(o -> assertThat(Instant.parse(o.get("created_at").asString()))
                .isBefore(pivot));
        long atPivot = all.stream().filter(o -> Instant.parse(o.get("created_at").asString()).equals(pivot)).count();
        assertThat(after.get("data").size() + before.get("data").size() + atPivot).isEqualTo(SENT);
        String window = "created_after=" + encode(pivot.minusSeconds(3600).toString().replace("Z", "+00:00"))
                + "&created_before=" + encode(pivot.plusMillis(1).toString());
        assertThat(search(window + "&limit=100").get("data").size()).isEqualTo(before.get("data").size() + atPivot);
    }

    @Test
    void shouldSeeOnlyItsOwnOtpsWhenAnotherAccountOrEnvironmentSearches() {
        Keys stranger = newAccount();
        assertThat(api.get("/v1/otp?limit=100", stranger.test()).json().get("data")).isEmpty();
        assertThat(api.get("/v1/otp?limit=100", keys.live()).json().get("data")).isEmpty();
        String mine = sent.get(0).get("id").asString();
        Api.Response foreignCursor = api.get("/v1/otp?starting_after=" + mine, stranger.test());
        assertThat(foreignCursor.status()).isEqualTo(400);
        assertThat(foreignCursor.json().get("error").get("param").asString()).isEqualTo("starting_after");
        assertThat(api.get("/v1/otp", null).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseWithTheOffendingParamWhenTheQueryIsMalformed() {
        Map<String, String> hostile = Map.ofEntries(
                Map.entry("limit=0", "limit"), Map.entry("limit=101", "limit"), Map.entry("limit=ten", "limit"),
                Map.entry("status=sent", "status"), Map.entry("channel=fax", "channel"),
                Map.entry("created_after=yesterday", "created_after"),
                Map.entry("created_before=2026-13-01T00:00:00Z", "created_before"),
                Map.entry("starting_after=otp_x", "starting_after"),
                Map.entry("starting_after=otp_00000000000000000000000000", "starting_after"),
                Map.entry("metadata%5Bbad%20key%5D=x", "metadata[bad key]"), Map.entry("metadata=x", "metadata"),
                Map.entry("status=verified&status=pending", "status"), Map.entry("sort=asc", "sort"),
                Map.entry("to=" + "x".repeat(321), "to"));
        hostile.forEach((query, param) -> {
            Api.Response response = api.get("/v1/otp?" + query, keys.test());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("error").get("code").asString()).isEqualTo("invalid_request");
            assertThat(response.json().get("error").get("param").asString()).as(query).isEqualTo(param);
        });
    }
}
