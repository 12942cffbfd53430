package com.narvark.otp.delivery;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out what a {@link DeliveryStep} decided, only once the process row that records it has committed: the
 * dispatcher defers its hand-over to the commit itself, commands wait for it here. Callers outside a unit of work
 * (the timeout poller) call this after their own commit.
 */
@Component
class DeliveryActions {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryActions.class);

    private final CarrierDispatch dispatcher;
    private final CommandGateway commands;
    private final DeliveryMetrics metrics;

    DeliveryActions(CarrierDispatch dispatcher, CommandGateway commands, DeliveryMetrics metrics) {
        this.dispatcher = dispatcher;
        this.commands = commands;
        this.metrics = metrics;
    }

    /** The node whose carrier queues take this node's sends. */
    String node() {
        return dispatcher.node();
    }

    void carryOut(DeliveryProcess process, DeliveryStep step) {
        step.sends().forEach(message -> dispatcher.submit(process.livemode(), message));
        step.fallbacks().forEach(pair -> metrics.fallback(pair[0], pair[1]));
        for (Object command : step.commands()) {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> send(command));
            } else {
                send(command);
            }
        }
    }

    /** A command lost here (the node dies, the database is away) is sent again when its timeout fires again. */
    private void send(Object command) {
        commands.send(command).exceptionally(failure -> {
            LOG.warn("could not record {}; its timeout fires again", command, failure);
            return null;
        });
    }
}
