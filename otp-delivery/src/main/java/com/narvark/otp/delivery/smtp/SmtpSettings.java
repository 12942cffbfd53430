package com.narvark.otp.delivery.smtp;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code narvark.smtp.*}: where and how email OTPs are handed over. */
@Component
class SmtpSettings {

    private final Environment environment;

    SmtpSettings(Environment environment) {
        this.environment = environment;
    }

    String host() {
        return environment.getProperty("narvark.smtp.host", "localhost");
    }

    int port() {
        return environment.getProperty("narvark.smtp.port", Integer.class, 587);
    }

    /** Null when the server needs no authentication. */
    String username() {
        String username = environment.getProperty("narvark.smtp.username", "");
        return username.isEmpty() ? null : username;
    }

    String password() {
        return environment.getProperty("narvark.smtp.password");
    }

    boolean startTls() {
        return environment.getProperty("narvark.smtp.starttls", Boolean.class, true);
    }

    String from() {
        return environment.getProperty("narvark.smtp.from", "Narvark <no-reply@narvark.dev>");
    }

    String subject() {
        return environment.getProperty("narvark.smtp.subject", "Your verification code: {code}");
    }
}
