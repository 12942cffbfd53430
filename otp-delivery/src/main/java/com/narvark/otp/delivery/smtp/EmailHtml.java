package com.narvark.otp.delivery.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTML part of an OTP email, from {@code templates/otp-email.html}. Codes are digits: nothing to escape. */
final class EmailHtml {

    private static final String TEMPLATE = load();

    private EmailHtml() {
    }

    static String render(String code, Duration validFor) {
        long minutes = Math.max(1, (validFor.toSeconds() + 59) / 60);
        return TEMPLATE.replace("{code}", code).replace("{minutes}", Long.toString(minutes));
    }

    private static String load() {
        try (InputStream in = EmailHtml.class.getResourceAsStream("/templates/otp-email.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
