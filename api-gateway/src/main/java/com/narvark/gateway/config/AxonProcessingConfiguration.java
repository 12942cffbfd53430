package com.narvark.gateway.config;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command retries and the delivery processor (the projections' processors are plain properties). */
@Configuration(proxyBeanMethods = false)
class AxonProcessingConfiguration {

    /** The delivery saga's processor: Axon names a saga's processor after the saga class. */
    static final String DELIVERY_PROCESSOR = "DeliverySagaProcessor";

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

    /**
     * The delivery saga runs on a tracking processor, unlike what DESIGN.md asks of processors: over Axon's JDBC event
     * store a pooled processor learns of new events by polling every 500 ms (the embedded store's streams offer no
     * availability callback), while a tracking processor blocks on the store's stream and is woken by the commit
     * itself, which keeps dispatch well under the 200 ms promise. It starts at the head of the stream, so a new node
     * or a token reset never re-sends history. Saga handler failures propagate, so the processor retries the event
     * with backoff instead of logging it away (sagas have no dead-letter queue in Axon 4).
     */
    @Bean
    ConfigurerModule deliveryProcessor(@Value("${narvark.delivery.processor.threads:4}") int threads,
                                       @Value("${narvark.delivery.processor.batch-size:10}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(DELIVERY_PROCESSOR, axon -> axon.eventStore(),
                        axon -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                                .andInitialSegmentsCount(threads)
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(DELIVERY_PROCESSOR,
                        axon -> PropagatingErrorHandler.instance()));
    }
}
