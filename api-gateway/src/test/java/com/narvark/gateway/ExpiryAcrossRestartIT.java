package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Nodes;
import com.narvark.gateway.support.SandboxInbox;
import com.narvark.gateway.support.WebhookReceiver;
import com.narvark.gateway.support.WebhookSignatures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Expiry is a row in the database: an OTP sent on one node expires on time on another node started after the first
 * one stopped, and its {@code otp.expired} webhook arrives. Takes a minute, because 60 s is the shortest ttl the API
 * accepts.
 */
class ExpiryAcrossRestartIT {

    @Test
    void shouldExpireOnTimeWhenTheNodeThatSentItIsGone() throws InterruptedException {
        String live;
        String otpId;
        String code;
        Instant expiresAt;
        String webhookSecret;
        WebhookReceiver receiver = new WebhookReceiver();
        try (ConfigurableApplicationContext first = Nodes.start()) {
            Api api = Nodes.api(first);
            live = Nodes.liveKey(api);
            webhookSecret = api.post("/v1/webhook_endpoints", live, Api.json(Map.of("url", receiver.url("/hooks"),
                    "events", java.util.List.of("otp.expired")))).text("secret");
            JsonNode otp = api.post("/v1/otp/send", live, "{\"to\":\"+447911123456\",\"channel\":\"voice\",\"ttl\":60}")
                    .json();
            otpId = otp.get("id").asString();
            expiresAt = Instant.parse(otp.get("expires_at").asString());
            code = SandboxInbox.code(api, live, otpId);
        }
        try (ConfigurableApplicationContext second = Nodes.start()) {
            Api api = Nodes.api(second);
            JsonNode expired = null;
            while (expired == null && Instant.now().isBefore(expiresAt.plusSeconds(30))) {
                JsonNode status = api.get("/v1/otp/" + otpId, live).json();
                expired = "expired".equals(status.get("status").asString()) ? status : null;
                Thread.sleep(200);
            }
            assertThat(expired).as("expired within 30 s of expires_at").isNotNull();
            assertThat(Instant.parse(expired.get("expired_at").asString())).isEqualTo(expiresAt);

            JsonNode verify = api.post("/v1/otp/verify", live, Api.json(Map.of("id", otpId, "code", code))).json();
            assertThat(verify.get("valid").asBoolean()).isFalse();
            assertThat(verify.get("status").asString()).isEqualTo("expired");

            while (receiver.accepted().isEmpty() && Instant.now().isBefore(expiresAt.plusSeconds(45))) {
                Thread.sleep(100);
            }
            assertThat(receiver.accepted()).hasSize(1);
            WebhookReceiver.Received webhook = receiver.accepted().get(0);
            assertThat(webhook.type()).isEqualTo("otp.expired");
            assertThat(webhook.otpId()).isEqualTo(otpId);
            assertThat(WebhookSignatures.narvarkValid(webhookSecret, webhook.body(),
                    webhook.header("X-Narvark-Signature"))).isTrue();
        } finally {
            receiver.close();
        }
    }
}
