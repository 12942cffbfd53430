package com.narvark.gateway.otp;

import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.OtpErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Maps the command side's refusals (codes, not exception classes of the domain) to API errors. */
final class CommandErrors {

    private CommandErrors() {
    }

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException) {
                return notFound();
            }
            if (cause instanceof CommandExecutionException execution
                    && execution.getDetails().filter(OtpErrorCode.OTP_NOT_FOUND::equals).isPresent()) {
                return notFound();
            }
        }
        return failure;
    }

    static ApiException notFound() {
        return ApiException.notFound("no such OTP");
    }
}
