package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16: every payload says which language the message was written in, its brand and its transaction. */
class WebhookMessageFieldsIT extends WebhookIntegrationTest {

    @Test
    void shouldCarryLocaleBrandAndTransactionWhenAnOtpIsVerified() {
        createEndpoint(keys.test(), receiver.url("/hooks"), List.of("otp.verified"));
        Map<String, String> payment = Map.of("amount", "1234.5", "currency", "BRL", "payee", "Loja Exemplo");
        String otpId = sendTestOtp(Map.of("locale", "pt", "brand", "Acme Pay", "transaction", payment));
        Api.Response verified = api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", otpId, "code",
                "123456", "transaction", Map.of("amount", "1234.50", "currency", "BRL", "payee", "Loja Exemplo"))));
        assertThat(verified.json().path("valid").asBoolean()).as(verified.toString()).isTrue();

        JsonNode data = awaitAccepted(1).get(0).json().get("data");
        assertThat(data.path("locale").asString()).isEqualTo("pt-BR");
        assertThat(data.path("brand").asString()).isEqualTo("Acme Pay");
        assertThat(data.path("transaction").toString())
                .isEqualTo("{\"amount\":\"1234.50\",\"currency\":\"BRL\",\"payee\":\"Loja Exemplo\"}");
    }
}
