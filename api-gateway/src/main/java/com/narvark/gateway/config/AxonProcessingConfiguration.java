package com.narvark.gateway.config;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Command retries and the processors with side effects (the projections' processors are plain properties).
 * <p>
 * Both side-effect processors are tracking processors, not the pooled processors Axon recommends: over Axon's JDBC
 * event store a pooled processor learns of new events by polling every 500 ms (the embedded store's streams offer
 * no availability callback), while a tracking processor blocks on the store's stream and is woken by the commit
 * itself, which keeps dispatch well under the 200 ms promise. Both start at the head of the stream, so a new node
 * or a token reset never re-sends history (and a new webhook endpoint gets none).
 */
@Configuration(proxyBeanMethods = false)
class AxonProcessingConfiguration {

    /** The delivery processes' processor (the processing group of otp-delivery's DeliveryProcessHandler). */
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
     * Delivery handler failures propagate, so the processor retries the event with backoff instead of logging it away:
     * a delivery skipped is an OTP never sent, and parking it in a dead-letter queue would cost a lookup per event.
     */
    @Bean
    ConfigurerModule deliveryProcessor(@Value("${narvark.delivery.processor.threads:2}") int threads,
                                       @Value("${narvark.delivery.processor.batch-size:20}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(DELIVERY_PROCESSOR, axon -> axon.eventStore(),
                        axon -> headFirst(threads, batchSize))
                .registerListenerInvocationErrorHandler(DELIVERY_PROCESSOR,
                        axon -> PropagatingErrorHandler.instance()));
    }

    /**
     * The webhook processor writes outbox rows (posting happens later, in the webhook sender), so it commits its
     * rows with its token; its handlers ignore replays and its failures land in its dead-letter queue.
     */
    @Bean
    ConfigurerModule webhookProcessor(@Value("${narvark.webhooks.processor.threads:1}") int threads,
                                      ConnectionProvider connections, TransactionManager transactions,
                                      DeadLetterSchema deadLetterSchema, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(WEBHOOK_PROCESSOR, axon -> axon.eventStore(),
                        axon -> headFirst(threads, 20))
                .registerDeadLetterQueue(WEBHOOK_PROCESSOR, axon -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(WEBHOOK_PROCESSOR)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(deadLetterSchema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                // Without it every event asks the dead-letter table whether its OTP's sequence is parked.
                .registerDeadLetteringEventHandlerInvokerConfiguration(WEBHOOK_PROCESSOR,
                        (axon, invoker) -> invoker.enableSequenceIdentifierCache()));
    }

    private static TrackingEventProcessorConfiguration headFirst(int threads, int batchSize) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                .andInitialSegmentsCount(threads)
                .andBatchSize(batchSize)
                // Claim a dead node's segments within a second of its claim timing out (Axon's default: 5 s).
                .andTokenClaimInterval(1, TimeUnit.SECONDS)
                .andInitialTrackingToken(StreamableMessageSource::createHeadToken);
    }
}
