package com.narvark.gateway.config;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race on the same OTP (two nodes appending the same sequence number): the
 * retry reloads the OTP and decides again, so two parallel verifies can never both succeed. Every other failure is
 * a decision or a fault and goes straight back to the caller.
 */
class ConcurrencyRetryScheduler extends IntervalRetryScheduler {

    ConcurrencyRetryScheduler(Builder builder) {
        super(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return ExceptionUtils.findException(failure, ConcurrencyException.class).isEmpty();
    }
}
