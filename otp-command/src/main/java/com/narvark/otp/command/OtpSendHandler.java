package com.narvark.otp.command;

import com.narvark.otp.api.TestModeCode;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.SendOtpResult;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.command.FraudGuards.Verdict;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Creates OTPs. It sits outside the aggregate because a send the fraud guards refuse must still leave a record (a
 * refused OTP) while its caller learns why and for how long: an aggregate's creation handler can only answer its
 * id. The guards' checks, the send the ledger records and the new OTP's events commit in one transaction.
 * <p>
 * The ledger's write stays here, in the send's command handler, on purpose: the limit holds across nodes and racing
 * sends only because counting, admitting and recording one destination's send happen under one transaction-scoped
 * lock ({@link DestinationLedger#holdSends}), and the row must commit with the OTP's events or not at all. Written
 * from an event handler instead, the row would depend on that handler running in this transaction (a subscribing
 * processor whose errors propagate): a configuration change away from admitting sends the ledger never saw.
 */
public class OtpSendHandler {

    private final Repository<Otp> repository;
    private final FraudGuards guards;

    public OtpSendHandler(Repository<Otp> repository, FraudGuards guards) {
        this.repository = repository;
        this.guards = guards;
    }

    @CommandHandler
    public SendOtpResult handle(SendOtpCommand command, CodeGenerator generator, CodeHasher hasher,
                               SecretCipher cipher, Clock clock) throws Exception {
        Instant now = clock.instant();
        Verdict verdict = guards.assessSend(command, now);
        boolean enforced = !command.guard().monitorOnly();
        if (!verdict.allows() && enforced) {
            repository.newInstance(() -> new Otp(command, verdict.reason(), now));
            return new SendOtpResult(command.otpId(), verdict.reason(), verdict.retryAfterSeconds());
        }
        // Test-environment codes are documented and predictable; they never reach a carrier.
        String code = command.livemode() ? generator.generate(command.codeLength())
                : TestModeCode.forLength(command.codeLength());
        repository.newInstance(() -> new Otp(command, hasher.hash(command.otpId(), code, command.transaction()),
                cipher.encrypt(code, command.otpId()), verdict.reason(), now));
        guards.recordSend(command.otpId(), command, now);
        return SendOtpResult.accepted(command.otpId());
    }
}
