package com.narvark.otp.delivery.http;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code narvark.twilio.*}: the account of a Twilio-compatible API (Messages and Calls resources) and where its
 * status callbacks reach us ({@code narvark.callbacks.base-url} + {@code /callbacks/twilio}).
 */
@Component
public class TwilioSettings {

    private final Environment environment;

    TwilioSettings(Environment environment) {
        this.environment = environment;
    }

    String baseUrl() {
        return environment.getProperty("narvark.twilio.base-url", "https://api.twilio.com");
    }

    String accountSid() {
        return environment.getProperty("narvark.twilio.account-sid", "");
    }

    public String authToken() {
        return environment.getProperty("narvark.twilio.auth-token", "");
    }

    String from() {
        return environment.getProperty("narvark.twilio.from", "");
    }

    String statusCallback() {
        return environment.getProperty("narvark.callbacks.base-url", "http://localhost:8080").replaceAll("/+$", "")
                + "/callbacks/twilio";
    }
}
