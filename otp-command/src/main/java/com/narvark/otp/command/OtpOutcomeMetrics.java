package com.narvark.otp.command;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.SendOtpResult;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts what sends and verifies answered, once their unit of work committed: a command retried after a conflict,
 * or rolled back, counts once or not at all. Labels are closed sets (channel, environment, outcome, guard reason),
 * all registered at zero so that rates exist from the start; never an id, a destination or a code.
 */
class OtpOutcomeMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final List<String> VERIFY_OUTCOMES = List.of("valid", "wrong", "expired", "locked", "consumed",
            "not_active");

    private final MeterRegistry registry;

    OtpOutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String environment : List.of("live", "test")) {
            for (Channel channel : Channel.values()) {
                sends(channel, environment, "accepted");
                sends(channel, environment, "refused");
            }
            VERIFY_OUTCOMES.forEach(outcome -> verifications(environment, outcome));
            for (GuardReason reason : GuardReason.values()) {
                guardRefusals(environment, reason);
            }
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        Object command = unitOfWork.getMessage().getPayload();
        if (command instanceof SendOtpCommand send && result instanceof SendOtpResult answer) {
            String environment = environment(send.livemode());
            unitOfWork.afterCommit(committed -> {
                sends(send.channel(), environment, answer.accepted() ? "accepted" : "refused").increment();
                if (!answer.accepted()) {
                    guardRefusals(environment, answer.refusedFor()).increment();
                }
            });
        } else if (command instanceof VerifyOtpCommand verify && result instanceof VerificationResult answer) {
            unitOfWork.afterCommit(committed ->
                    verifications(environment(verify.livemode()), outcome(answer)).increment());
        }
        return result;
    }

    /** What the caller was told, in the terms of the README: a wrong code that locks the OTP counts as locked. */
    static String outcome(VerificationResult answer) {
        if (answer.valid()) {
            return "valid";
        }
        OtpStatus status = answer.status();
        if (status == OtpStatus.VERIFIED) {
            return "consumed";
        }
        if (status == OtpStatus.EXPIRED) {
            return "expired";
        }
        if (status == OtpStatus.LOCKED) {
            return "locked";
        }
        return status.isFinal() ? "not_active" : "wrong";
    }

    private Counter sends(Channel channel, String environment, String outcome) {
        return Counter.builder("narvark.otp.sends")
                .description("OTP sends answered, by channel, environment and outcome (accepted, refused)")
                .tag("channel", channel.wireName()).tag("environment", environment).tag("outcome", outcome)
                .register(registry);
    }

    private Counter verifications(String environment, String outcome) {
        return Counter.builder("narvark.otp.verifications")
                .description("Verify answers: valid, wrong, expired, locked, consumed, not_active")
                .tag("environment", environment).tag("outcome", outcome)
                .register(registry);
    }

    private Counter guardRefusals(String environment, GuardReason reason) {
        return Counter.builder("narvark.fraud_guard.refusals")
                .description("Sends refused by a fraud guard, by reason")
                .tag("environment", environment).tag("reason", reason.wireName())
                .register(registry);
    }

    private static String environment(boolean livemode) {
        return livemode ? "live" : "test";
    }
}
