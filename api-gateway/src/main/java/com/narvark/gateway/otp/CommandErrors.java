package com.narvark.gateway.otp;

import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpRefusal;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;

/** Maps the command side's refusals (codes, not exception classes of the domain) to API errors. */
final class CommandErrors {

    private CommandErrors() {
    }

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException) {
                return notFound();
            }
            if (cause instanceof CommandExecutionException execution) {
                Optional<Object> details = execution.getDetails();
                if (details.filter(OtpErrorCode.OTP_NOT_FOUND::equals).isPresent()) {
                    return notFound();
                }
                if (details.isPresent() && details.get() instanceof OtpRefusal refusal) {
                    return refused(refusal);
                }
            }
        }
        return failure;
    }

    static ApiException notFound() {
        return ApiException.notFound("no such OTP");
    }

    /** A send the fraud guards refused; the refusal itself is recorded as the OTP's only event. */
    static ApiException guarded(GuardReason reason, long retryAfterSeconds) {
        return switch (reason) {
            case COUNTRY_NOT_ALLOWED -> new ApiException(HttpStatus.FORBIDDEN, "country_not_allowed",
                    "this account does not send to the destination's country (see /v1/fraud_guard)", "to");
            case DESTINATION_RATE_LIMITED -> new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                    "destination_rate_limited", "too many OTPs to this destination recently", "to",
                    retryAfterSeconds);
            case DESTINATION_FAILURE_CAP -> new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                    "destination_rate_limited", "too many wrong codes for this destination today", "to",
                    retryAfterSeconds);
        };
    }

    private static ApiException refused(OtpRefusal refusal) {
        return switch (refusal.code()) {
            case OTP_NOT_ACTIVE -> new ApiException(HttpStatus.CONFLICT, "otp_not_active",
                    "the OTP has ended (verified, expired, failed, locked, cancelled or refused)", "id");
            case RESEND_TOO_SOON -> new ApiException(HttpStatus.TOO_MANY_REQUESTS, "resend_too_soon",
                    "the code was sent moments ago; resend after the cooldown", null, refusal.retryAfterSeconds());
            case RESEND_LIMIT_REACHED -> new ApiException(HttpStatus.CONFLICT, "resend_limit_reached",
                    "the code was sent as often as allowed; send a new OTP", null);
            case OTP_NOT_FOUND -> notFound();
            case INVALID_STATE -> new ApiException(HttpStatus.CONFLICT, "invalid_request",
                    "the OTP cannot do that in its current state", null);
        };
    }
}
