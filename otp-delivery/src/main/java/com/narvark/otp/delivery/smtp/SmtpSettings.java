package com.narvark.otp.delivery.smtp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code narvark.smtp.*}: where and how email OTPs are handed over. No username means no SMTP AUTH. {@code subject}
 * is empty by default: each email then has its language's subject; a configured one ({code} replaced) overrides it.
 */
@ConfigurationProperties("narvark.smtp")
record SmtpSettings(@DefaultValue("localhost") String host, @DefaultValue("587") int port, String username,
                    String password, @DefaultValue("true") boolean starttls,
                    @DefaultValue("Narvark <no-reply@narvark.dev>") String from,
                    @DefaultValue("") String subject) {

    boolean authenticates() {
        return username != null && !username.isBlank();
    }
}
