package com.narvark.gateway.operations;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires {@link AxonTracing} into Axon: a dispatch interceptor on the command gateway and a correlation data provider
 * (events created while a command is handled) put the current context into the metadata; a handler interceptor on
 * the command bus and one on every event processor open the span. Axon's own OpenTelemetry module is not on Maven
 * Central for 4.13, and Micrometer's bridge is what the rest of the service traces with.
 */
@Configuration(proxyBeanMethods = false)
class AxonTracingConfiguration {

    @Bean
    AxonTracing axonTracing(Tracer tracer, Propagator propagator) {
        return new AxonTracing(tracer, propagator);
    }

    /** Registered on the command gateway by Axon's interceptor auto-configuration. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandTraceDispatch(AxonTracing tracing) {
        return messages -> (index, command) -> command.andMetaData(tracing.currentContext());
    }

    /** Registered on the command bus by Axon's interceptor auto-configuration. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandTraceHandling(AxonTracing tracing) {
        return (unitOfWork, chain) -> tracing.inSpan("command " + simpleName(unitOfWork.getMessage()),
                unitOfWork.getMessage().getMetaData(), null, chain::proceed);
    }

    /** Per processor (not a plain interceptor bean) so that each span names its processor. */
    @Bean
    ConfigurerModule eventTraceHandling(AxonTracing tracing) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (axon, processor) -> (MessageHandlerInterceptor<EventMessage<?>>) (unitOfWork, chain) ->
                        tracing.inSpan("event " + simpleName(unitOfWork.getMessage()),
                                unitOfWork.getMessage().getMetaData(), processor, chain::proceed)));
    }

    /** Events applied by a command handler carry the command span's context. */
    @Bean
    CorrelationDataProvider traceCorrelation(AxonTracing tracing) {
        return message -> tracing.currentContext();
    }

    /** Declaring a provider replaces Axon's default one; keep it (correlation and trace ids of messages). */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    private static String simpleName(Message<?> message) {
        return message.getPayloadType().getSimpleName();
    }
}
