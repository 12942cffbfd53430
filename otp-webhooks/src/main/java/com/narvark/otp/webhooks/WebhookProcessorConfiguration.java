package com.narvark.otp.webhooks;

import java.util.concurrent.TimeUnit;
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

/**
 * The processor of {@link WebhookProjection}'s processing group, configured by the module that owns it. It writes
 * outbox rows (posting happens later, in the webhook sender), so it commits its rows with its token; its handlers
 * ignore replays and its failures land in its dead-letter queue.
 * <p>
 * A tracking processor, not the pooled one Axon recommends: over Axon's JDBC event store a pooled processor polls
 * every 500 ms, while a tracking processor is woken by the commit. It starts at the head of the stream, so a new
 * node or a token reset never sends history again, and a new webhook endpoint gets none.
 */
@Configuration(proxyBeanMethods = false)
class WebhookProcessorConfiguration {

    /** {@code narvark.webhooks.processor.threads} segments (and threads) per node, 20 events per transaction. */
    @Bean
    ConfigurerModule webhookProcessor(@Value("${narvark.webhooks.processor.threads:1}") int threads,
                                      ConnectionProvider connections, TransactionManager transactions,
                                      DeadLetterSchema deadLetterSchema, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer) {
        String group = WebhookProjection.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(group, axon -> axon.eventStore(),
                        axon -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                                .andInitialSegmentsCount(threads)
                                .andBatchSize(20)
                                // Claim a dead node's segments within a second of its claim timing out (Axon: 5 s).
                                .andTokenClaimInterval(1, TimeUnit.SECONDS)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerDeadLetterQueue(group, axon -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(deadLetterSchema)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())
                // Without it every event asks the dead-letter table whether its OTP's sequence is parked.
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (axon, invoker) -> invoker.enableSequenceIdentifierCache()));
    }
}
