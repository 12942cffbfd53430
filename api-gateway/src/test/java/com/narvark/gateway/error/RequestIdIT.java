package com.narvark.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every answer carries a fresh Request-Id, refusals of the filters included; a client's own value is ignored. */
class RequestIdIT extends GatewayIntegrationTest {

    private static final String REQUEST_ID = "req_[0-9abcdefghjkmnpqrstvwxyz]{26}";

    @Test
    void shouldAnswerARequestIdWhenTheRequestSucceedsOrIsRefused() {
        Keys keys = newAccount();
        Api.Response sent = api.post("/v1/otp/send", keys.test(),
                Api.json(Map.of("to", "+15005550001", "channel", "sms")));
        Api.Response unauthorized = api.get("/v1/otp/" + sent.text("id"), null);
        Api.Response notFound = api.get("/v1/otp/otp_nope", keys.test());
        Api.Response invalid = api.post("/v1/otp/send", keys.test(), "[]");

        for (Api.Response response : List.of(sent, unauthorized, notFound, invalid)) {
            assertThat(response.headers().firstValue("Request-Id")).as(response.toString()).get().asString()
                    .matches(REQUEST_ID);
        }
        assertThat(List.of(sent, unauthorized, notFound, invalid).stream()
                .map(r -> r.headers().firstValue("Request-Id").orElseThrow()).distinct()).hasSize(4);
    }

    @Test
    void shouldIgnoreTheClientsRequestIdWhenOneIsSent() {
        Keys keys = newAccount();

        Api.Response response = api.send(api.request("/v1/webhook_endpoints", keys.test())
                .header("Request-Id", "req_chosen_by_the_client").GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Request-Id")).get().asString().matches(REQUEST_ID);
    }
}
