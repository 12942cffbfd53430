package com.narvark.gateway.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A gateway whose resend cooldown is 2 s, whose destination wrong-code cap is 12 and whose SMS and voice receipt
 * timeouts are 2 s, so the cap, the resend limit and a missing receipt can be reached in seconds. Every other limit
 * keeps its production default. Classes carrying it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {"narvark.otp.resend.cooldown=2s", "narvark.fraud.destination.max-failures=12",
        "narvark.delivery.sms.receipt-timeout=2s", "narvark.delivery.voice.receipt-timeout=2s"})
public @interface ShortCooldownSettings {

    long COOLDOWN_MILLIS = 2_000;
    int MAX_FAILURES = 12;
}
