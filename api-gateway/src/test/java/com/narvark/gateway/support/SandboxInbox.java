package com.narvark.gateway.support;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reads a live OTP's code the way a developer does: from the sandbox carrier's inbox, over the API. */
public final class SandboxInbox {

    private SandboxInbox() {
    }

    /** Waits for the newest message of the OTP and returns its code (voice texts spell it digit by digit). */
    public static String code(Api api, String liveKey, String otpId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            JsonNode data = api.get("/v1/sandbox/messages?otp_id=" + otpId, liveKey).json().get("data");
            if (!data.isEmpty()) {
                String text = data.get(data.size() - 1).get("text").asString();
                return text.replaceAll(".*code is ([0-9 ]+?)\\..*", "$1").replace(" ", "");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the sandbox received nothing for " + otpId);
    }
}
