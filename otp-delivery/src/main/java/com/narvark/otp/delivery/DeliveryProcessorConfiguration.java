package com.narvark.otp.delivery;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor of {@link DeliveryProcessHandler}'s processing group, configured by the module that owns it.
 * <p>
 * A tracking processor, not the pooled one Axon recommends: over Axon's JDBC event store a pooled processor learns
 * of new events by polling every 500 ms (the embedded store's streams offer no availability callback), while a
 * tracking processor blocks on the store's stream and is woken by the commit itself, which keeps dispatch well under
 * the 200 ms promise. It starts at the head of the stream, so a new node or a token reset never re-sends history,
 * and its handlers disallow replays.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryProcessorConfiguration {

    /**
     * {@code narvark.delivery.processor.threads} segments (and threads) per node, two by default so that two nodes
     * share delivery; {@code ….batch-size} events per transaction, small because a batch's messages reach the
     * carriers only when it commits. Handler failures propagate, so the processor retries the event with backoff
     * instead of logging it away: a delivery skipped is an OTP never sent, and parking it in a dead-letter queue
     * would cost a lookup per event.
     */
    @Bean
    ConfigurerModule deliveryProcessor(@Value("${narvark.delivery.processor.threads:2}") int threads,
                                       @Value("${narvark.delivery.processor.batch-size:20}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(DeliveryProcessHandler.PROCESSING_GROUP, axon -> axon.eventStore(),
                        axon -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                                .andInitialSegmentsCount(threads)
                                .andBatchSize(batchSize)
                                // Claim a dead node's segments within a second of its claim timing out (Axon: 5 s).
                                .andTokenClaimInterval(1, TimeUnit.SECONDS)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerListenerInvocationErrorHandler(DeliveryProcessHandler.PROCESSING_GROUP,
                        axon -> PropagatingErrorHandler.instance()));
    }
}
