package com.narvark.otp.webhooks;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook settings ({@code narvark.webhooks.*}, documented in the README) as the module's collaborators. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    NetworkGuard webhookNetworkGuard(@Value("${narvark.webhooks.allowed-networks:}") String allowed) {
        return new NetworkGuard(Arrays.stream(allowed.split(",")).filter(block -> !block.isBlank())
                .map(Cidr::parse).toList());
    }

    @Bean
    RetrySchedule webhookRetrySchedule(@Value("${narvark.webhooks.retry.base-delay:30s}") Duration baseDelay,
                                       @Value("${narvark.webhooks.retry.max-delay:12h}") Duration maxDelay,
                                       @Value("${narvark.webhooks.retry.max-attempts:17}") int maxAttempts) {
        return new RetrySchedule(baseDelay, maxDelay, maxAttempts);
    }

    @Bean
    SenderSettings webhookSenderSettings(@Value("${narvark.webhooks.sender.enabled:true}") boolean enabled,
                                         @Value("${narvark.webhooks.sender.poll-interval:1s}") Duration poll,
                                         @Value("${narvark.webhooks.sender.timeout:10s}") Duration timeout,
                                         @Value("${narvark.webhooks.sender.lease:10s}") Duration lease,
                                         @Value("${narvark.webhooks.sender.threads:4}") int threads,
                                         @Value("${narvark.webhooks.sender.per-account-concurrency:2}")
                                         int perAccount,
                                         @Value("${narvark.webhooks.sender.batch-size:100}") int batchSize,
                                         @Value("${narvark.webhooks.disable-after:5d}") Duration disableAfter,
                                         @Value("${narvark.webhooks.sender.posts-in-flight:4}") int postsInFlight) {
        return new SenderSettings(enabled, poll, timeout, lease, threads, perAccount, batchSize,
                disableAfter, postsInFlight);
    }
}
