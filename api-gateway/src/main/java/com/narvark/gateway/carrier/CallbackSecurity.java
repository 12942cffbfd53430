package com.narvark.gateway.carrier;

import com.narvark.gateway.auth.SecurityRefusals;
import com.narvark.gateway.auth.StatelessChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Carrier callbacks carry no API key: each carrier signs its requests (Twilio's X-Twilio-Signature, Meta's
 * X-Hub-Signature-256), and the delivery module checks that signature, answering 401 before it touches any OTP. This
 * chain lets exactly those three routes through to that check (their bodies bounded by the callback cap); any other
 * method or path under {@code /callbacks} is refused.
 */
@Configuration
class CallbackSecurity {

    @Bean
    @Order(40)
    SecurityFilterChain callbacks(HttpSecurity http, SecurityRefusals refusals) throws Exception {
        StatelessChains.prepare(http).securityMatcher("/callbacks/**")
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals.notFound()))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.POST, "/callbacks/twilio", "/callbacks/whatsapp").permitAll()
                        .requestMatchers(HttpMethod.GET, "/callbacks/whatsapp").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
