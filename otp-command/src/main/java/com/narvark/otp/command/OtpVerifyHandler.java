package com.narvark.otp.command;

import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Verifies codes. It sits outside the aggregate for the same reason as {@link OtpSendHandler}: the wrong-code cap
 * counts a destination's wrong codes across all its OTPs, which no single OTP holds. The cap is read before the
 * aggregate decides and the wrong code it reports is written after, in the verify's own transaction, so the count
 * and the OTP's events commit or roll back together (a verify retried after a conflict counts once).
 */
public class OtpVerifyHandler {

    private final Repository<Otp> repository;
    private final FraudGuards guards;

    public OtpVerifyHandler(Repository<Otp> repository, FraudGuards guards) {
        this.repository = repository;
        this.guards = guards;
    }

    @CommandHandler
    public VerificationResult handle(VerifyOtpCommand command, CodeHasher hasher, Clock clock) throws Exception {
        Instant now = clock.instant();
        Verification verification = repository.load(command.otpId()).invoke(otp -> otp.verify(command, hasher,
                to -> guards.failureCap(command.accountId(), command.livemode(), to, now), now));
        if (verification.wrongCodeFor() != null) {
            guards.recordFailure(command.accountId(), command.livemode(), verification.wrongCodeFor(), now);
        }
        return verification.answer();
    }
}
