package com.narvark.otp.command;

import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpRefusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How often an OTP may be sent: at most {@code maxSends} times in all, {@code cooldown} apart. */
public record ResendPolicy(Duration cooldown, int maxSends) {

    public static final ResendPolicy DEFAULT = new ResendPolicy(Duration.ofSeconds(30), 5);

    /** Why one more send is refused now, with the seconds until it would pass (0 when waiting won't help). */
    Optional<OtpRefusal> refusal(int sends, Instant lastSentAt, Instant now) {
        if (sends >= maxSends) {
            return Optional.of(new OtpRefusal(OtpErrorCode.RESEND_LIMIT_REACHED, 0));
        }
        Instant allowedAt = lastSentAt.plus(cooldown);
        if (now.isBefore(allowedAt)) {
            return Optional.of(new OtpRefusal(OtpErrorCode.RESEND_TOO_SOON,
                    (Duration.between(now, allowedAt).toMillis() + 999) / 1000));
        }
        return Optional.empty();
    }
}
