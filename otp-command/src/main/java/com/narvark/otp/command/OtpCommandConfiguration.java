package com.narvark.otp.command;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The aggregate's collaborators (they reach its handlers as parameters), the handlers that create and verify OTPs
 * around it, and what keeps the expiry rows.
 */
@Configuration(proxyBeanMethods = false)
class OtpCommandConfiguration {

    @Bean
    CodeGenerator codeGenerator(SecureRandom secureRandom) {
        return new SecureRandomCodeGenerator(secureRandom);
    }

    @Bean
    CodeHasher codeHasher(@Value("${narvark.security.code-pepper}") String pepperBase64) {
        return new CodeHasher(Base64.getDecoder().decode(pepperBase64));
    }

    @Bean
    ResendPolicy resendPolicy(@Value("${narvark.otp.resend.cooldown:30s}") Duration cooldown,
                              @Value("${narvark.otp.resend.max-sends:5}") int maxSends) {
        return new ResendPolicy(cooldown, maxSends);
    }

    @Bean
    FraudGuards fraudGuards(JdbcClient jdbc, @Value("${narvark.security.code-pepper}") String pepperBase64,
                            @Value("${narvark.fraud.destination.max-sends:5}") int maxSends,
                            @Value("${narvark.fraud.destination.send-window:10m}") Duration sendWindow,
                            @Value("${narvark.fraud.destination.max-failures:100}") int maxFailures,
                            @Value("${narvark.fraud.destination.failure-window:1d}") Duration failureWindow) {
        Duration retention = sendWindow.compareTo(failureWindow) > 0 ? sendWindow : failureWindow;
        DestinationLedger ledger = new JdbcDestinationLedger(jdbc, Base64.getDecoder().decode(pepperBase64),
                retention);
        return new FraudGuards(ledger, new FraudGuards.Limits(maxSends, sendWindow, maxFailures, failureWindow));
    }

    /** Registered on the command bus with the other handler interceptors (Axon's Spring Boot interceptor wiring). */
    @Bean
    OtpOutcomeMetrics otpOutcomeMetrics(MeterRegistry registry) {
        return new OtpOutcomeMetrics(registry);
    }

    @Bean
    OtpExpiries otpExpiries(JdbcClient jdbc) {
        return new JdbcOtpExpiries(jdbc);
    }

    @Bean
    OtpExpiryRows otpExpiryRows(OtpExpiries expiries) {
        return new OtpExpiryRows(expiries);
    }

    /**
     * Subscribing, so that the rows are written in the command's transaction; failures propagate (Axon's default
     * would log them and commit the events without their row), failing the command, which then leaves nothing.
     * Only events a command publishes move rows, as when the commands wrote them: events appended to the store
     * outside any command (history seeded or imported straight into it) belong to no OTP a command runs here.
     */
    @Bean
    ConfigurerModule otpExpiryRowsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(OtpExpiryRows.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(OtpExpiryRows.PROCESSING_GROUP,
                        axon -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(OtpExpiryRows.PROCESSING_GROUP, axon -> (unitOfWork, chain) ->
                        unitOfWork.root().getMessage() instanceof CommandMessage<?> ? chain.proceed() : null));
    }

    /** Every node runs one; the interval bounds how late after its expiry an OTP is seen to expire. */
    @Bean
    ExpiryPoller expiryPoller(OtpExpiries expiries, CommandGateway commands, Clock clock,
                              @Value("${narvark.otp.expiry.poll-interval:500ms}") Duration interval,
                              @Value("${narvark.otp.expiry.lease:10s}") Duration lease,
                              @Value("${narvark.otp.expiry.batch-size:100}") int batchSize) {
        return new ExpiryPoller(expiries, commands, clock, interval, lease, batchSize);
    }

    @Bean
    OtpSendHandler otpSendHandler(Repository<Otp> otpRepository, FraudGuards guards) {
        return new OtpSendHandler(otpRepository, guards);
    }

    @Bean
    OtpVerifyHandler otpVerifyHandler(Repository<Otp> otpRepository, FraudGuards guards) {
        return new OtpVerifyHandler(otpRepository, guards);
    }
}
