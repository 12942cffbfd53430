package com.narvark.otp.command;

import java.time.Duration;

/** How often an OTP may be sent: at most {@code maxSends} times in all, {@code cooldown} apart. */
public record ResendPolicy(Duration cooldown, int maxSends) {

    public static final ResendPolicy DEFAULT = new ResendPolicy(Duration.ofSeconds(30), 5);
}
