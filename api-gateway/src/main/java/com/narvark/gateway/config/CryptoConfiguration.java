package com.narvark.gateway.config;

import com.narvark.otp.api.crypto.SecretCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared sources of time and randomness, and the cipher whose key never enters the database. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /** Millisecond ticks: every stored timestamp (events, read models) then has the same precision. */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Bean
    SecretCipher secretCipher(@Value("${narvark.security.encryption-key}") String keyBase64, SecureRandom random) {
        return new SecretCipher(Base64.getDecoder().decode(keyBase64), random);
    }
}
