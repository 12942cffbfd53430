package com.narvark.gateway.config;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command gateway every module sends through, with its retries of commands that lost a race on the event
 * store's key. Event processors are configured by the modules that own their handlers (otp-delivery, otp-webhooks,
 * otp-query); the gateway names none of them.
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        IntervalRetryScheduler.Builder retries = IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                }))
                .retryInterval(20)
                .maxRetryCount(5);
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(retries))
                .build();
    }
}
