package com.narvark.gateway.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline which is executing at that moment is not
 * an error. db-scheduler refuses to cancel a picked execution, and Axon cancels while committing: a command that
 * ends an OTP (a verify cancelling the expiry deadline) racing the deadline's own execution would fail with it (the
 * delivery saga this once served stalled its segment that way in the fault suite). Every deadline handler checks the
 * state it fires on, so the running one finds the OTP moved on and does nothing. Registered under the type Axon's db-scheduler
 * tasks look up, so they execute through it.
 */
final class TolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger LOG = LoggerFactory.getLogger(TolerantDeadlineManager.class);

    private TolerantDeadlineManager(Builder builder) {
        super(builder);
    }

    /** Built as Axon's auto-configuration builds its own; the Spring context starts and stops the scheduler. */
    static TolerantDeadlineManager create(Scheduler scheduler, Configuration configuration, Serializer serializer,
                                          TransactionManager transactions, DeadlineManagerSpanFactory spans) {
        return new TolerantDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactions)
                .spanFactory(spans)
                .startScheduler(false)
                .stopScheduler(false));
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        if (!CurrentUnitOfWork.isStarted()) {
            cancelNow(deadlineName, scheduleId);
            return;
        }
        CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
            // With no unit of work in sight, the parent cancels at once, inside this try, and still in the
            // transaction that is about to commit (db-scheduler's connection is the transaction's).
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(current);
            try {
                cancelNow(deadlineName, scheduleId);
            } finally {
                CurrentUnitOfWork.set(current);
            }
        });
    }

    private void cancelNow(String deadlineName, String scheduleId) {
        try {
            super.cancelSchedule(deadlineName, scheduleId);
        } catch (TaskInstanceCurrentlyExecutingException firingNow) {
            LOG.debug("deadline {} {} is executing; left to its handler", deadlineName, scheduleId);
        }
    }
}
