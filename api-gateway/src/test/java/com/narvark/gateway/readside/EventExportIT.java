package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.query.FindOtpEventPageQuery;
import com.narvark.otp.api.query.OtpEventPageView;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /v1/events/export streams NDJSON page by page: 10,000 events arrive in store order exactly once, the gateway
 * never holds more than one page, and the stream reads the store lazily (an event appended while the client is
 * still reading shows up at its end).
 */
class EventExportIT extends GatewayIntegrationTest {

    private static final int OTPS = 1_000;
    private static final int EVENTS_PER_OTP = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private EventStore eventStore;
    @Autowired
    private QueryBus queryBus;
    @Autowired
    private JdbcClient jdbc;

    /**
     * Seeds the store directly (far faster than 10,000 HTTP calls): live OTPs already past their expiry, so the
     * delivery processor leaves them alone, each followed by nine wrong attempts.
     */
    private List<String> seed(String accountId, Instant at) {
        SecureRandom random = new SecureRandom();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < OTPS; i++) {
            String otpId = OtpId.generate(random);
            ids.add(otpId);
            List<GenericDomainEventMessage<OtpEvent>> events = new ArrayList<>();
            events.add(message(otpId, 0, new OtpRequestedEvent(otpId, accountId, true,
                    new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.SMS, List.of(), 6, 20, null,
                    Map.of("n", Integer.toString(i)), new byte[32], new byte[40], at, at, "none")));
            for (int attempt = 1; attempt < EVENTS_PER_OTP; attempt++) {
                events.add(message(otpId, attempt, new OtpVerificationFailedEvent(otpId, attempt, 20 - attempt, at)));
            }
            eventStore.publish(events);
        }
        return ids;
    }

    private static GenericDomainEventMessage<OtpEvent> message(String otpId, long sequence, OtpEvent event) {
        return new GenericDomainEventMessage<>("Otp", otpId, sequence, event);
    }

    @Test
    void shouldStreamTenThousandEventsOnePageAtATimeWhenExported() throws Exception {
        Keys keys = newAccount();
        Instant from = Instant.now().minusSeconds(5);
        List<String> ids = seed(keys.accountId(), Instant.now());
        // The export finds an account's events through otp_status: wait until the projection has seen them all.
        await(() -> jdbc.sql("SELECT count(*) FROM otp_query.otp_status WHERE account_id = ? AND attempts_used = ?")
                .params(keys.accountId(), EVENTS_PER_OTP - 1).query(Long.class).single() == OTPS,
                Duration.ofSeconds(90));

        AtomicInteger pages = new AtomicInteger();
        AtomicInteger largestPage = new AtomicInteger();
        Registration counting = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object answer = chain.proceed();
            if (answer instanceof OtpEventPageView page
                    && unitOfWork.getMessage().getPayload() instanceof FindOtpEventPageQuery) {
                pages.incrementAndGet();
                largestPage.accumulateAndGet(page.events().size(), Math::max);
            }
            return answer;
        });
        try {
            String window = "from=" + from + "&to=" + Instant.now().plusSeconds(3600);
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    api.request("/v1/events/export?" + window, keys.live()).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/x-ndjson"));
            assertThat(response.headers().firstValue("Content-Length")).isEmpty();

            List<JsonNode> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                lines.add(JSON.readTree(reader.readLine()));
                // Appended while the client has read one line: a lazy, paged export still reaches it.
                eventStore.publish(message(ids.get(0), EVENTS_PER_OTP,
                        new OtpVerificationFailedEvent(ids.get(0), 10, 10, Instant.now())));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(JSON.readTree(line));
                }
            }
            assertThat(lines).hasSize(OTPS * EVENTS_PER_OTP + 1);
            Set<String> eventIds = new HashSet<>();
            lines.forEach(line -> eventIds.add(line.get("id").asString()));
            assertThat(eventIds).hasSize(lines.size());
            assertThat(lines.get(0).get("type").asString()).isEqualTo("otp.requested");
            assertThat(lines.get(0).get("data").toString()).doesNotContain("hash", "encrypted", "deadline");
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.get("otp_id").asString()).isEqualTo(ids.get(0));
            assertThat(last.get("sequence").asLong()).isEqualTo(EVENTS_PER_OTP);
        } finally {
            counting.cancel();
        }
        assertThat(pages.get()).isGreaterThanOrEqualTo(OTPS * EVENTS_PER_OTP / 500);
        assertThat(largestPage.get()).isLessThanOrEqualTo(500);
    }

    @Test
    void shouldExportNothingOfOthersAndRefuseBadWindowsWhenAsked() {
        Keys owner = newAccount();
        Keys stranger = newAccount();
        api.post("/v1/otp/send", owner.test(), "{\"to\":\"+447911123456\",\"channel\":\"sms\"}");
        String window = "from=" + Instant.now().minusSeconds(60) + "&to=" + Instant.now().plusSeconds(60);
        await(() -> api.get("/v1/events/export?" + window, owner.test()).body().contains("otp.requested"),
                Duration.ofSeconds(10));
        assertThat(api.get("/v1/events/export?" + window, stranger.test()).body()).isEmpty();
        assertThat(api.get("/v1/events/export?" + window, owner.live()).body()).isEmpty();
        Map<String, String> hostile = Map.of(
                "from=2026-01-01T00:00:00Z", "to",
                "to=2026-01-01T00:00:00Z", "from",
                "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to",
                "from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "to",
                "from=yesterday&to=2026-01-01T00:00:00Z", "from",
                "from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&format=csv", "format");
        hostile.forEach((query, param) -> {
            Api.Response response = api.get("/v1/events/export?" + query, owner.test());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("error").get("param").asString()).as(query).isEqualTo(param);
        });
        assertThat(api.get("/v1/events/export?" + window, null).status()).isEqualTo(401);
    }
}
