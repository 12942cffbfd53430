package com.narvark.gateway.config;

import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command retries, the delivery and webhook processors (the projections' processors are plain properties). */
@Configuration(proxyBeanMethods = false)
class AxonProcessingConfiguration {

    static final String DELIVERY_PROCESSOR = "otp-delivery";
    static final String WEBHOOK_PROCESSOR = "otp-webhooks";

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
     * The delivery processor is a tracking processor, unlike the pooled projections: over Axon's JDBC event store a
     * pooled processor learns of new events by polling every 500 ms (the embedded store's streams offer no
     * availability callback), while a tracking processor blocks on the store's stream and is woken by the commit
     * itself, which keeps dispatch well under the 200 ms promise. It starts at the head of the stream, so a new node
     * or a token reset never re-sends history, and failures land in its dead-letter queue.
     */
    @Bean
    ConfigurerModule deliveryProcessor(@Value("${narvark.delivery.processor.threads:2}") int threads,
                                       ConnectionProvider connections, TransactionManager transactions,
                                       DeadLetterSchema deadLetterSchema, Serializer serializer,
                                       @Qualifier("eventSerializer") Serializer eventSerializer) {
        return sideEffectProcessor(DELIVERY_PROCESSOR, threads, 1, connections, transactions, deadLetterSchema,
                serializer, eventSerializer);
    }

    /**
     * The webhook processor writes outbox rows (posting happens later, in the webhook sender), so it commits its
     * rows with its token; like delivery it starts at the head (a new endpoint gets no history) and its handlers
     * ignore replays.
     */
    @Bean
    ConfigurerModule webhookProcessor(@Value("${narvark.webhooks.processor.threads:2}") int threads,
                                      ConnectionProvider connections, TransactionManager transactions,
                                      DeadLetterSchema deadLetterSchema, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        return sideEffectProcessor(WEBHOOK_PROCESSOR, threads, 20, connections, transactions, deadLetterSchema,
                serializer, eventSerializer);
    }

    private static ConfigurerModule sideEffectProcessor(String name, int threads, int batchSize,
                                                        ConnectionProvider connections,
                                                        TransactionManager transactions,
                                                        DeadLetterSchema deadLetterSchema, Serializer serializer,
                                                        Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(name, axon -> axon.eventStore(),
                        axon -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                                .andInitialSegmentsCount(threads)
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerDeadLetterQueue(name, axon -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(name)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(deadLetterSchema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build()));
    }
}
