package com.narvark.gateway.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway whose resend cooldown is 2 s and whose destination wrong-code cap is 12, so the cap and the resend
 * limit can be reached in seconds. Every other limit keeps its production default. Classes carrying it share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"narvark.otp.resend.cooldown=2s", "narvark.fraud.destination.max-failures=12"})
@interface ShortCooldownSettings {

    long COOLDOWN_MILLIS = 2_000;
    int MAX_FAILURES = 12;
}
