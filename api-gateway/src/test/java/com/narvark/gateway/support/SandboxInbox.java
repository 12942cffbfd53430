package com.narvark.gateway.support;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Reads a live OTP's code the way a developer does: from the sandbox carrier's inbox, over the API. */
public final class SandboxInbox {

    private SandboxInbox() {
    }

    /** Waits for the newest message of the OTP and returns its code (voice texts spell it digit by digit). */
    public static String code(Api api, String liveKey, String otpId) {
        String text = Await.until(() -> {
            JsonNode data = api.get("/v1/sandbox/messages?otp_id=" + otpId, liveKey).json().get("data");
            return data.isEmpty() ? null : data.get(data.size() - 1).get("text").asString();
        }, Duration.ofSeconds(10));
        return MessageCodes.in(text);
    }
}
