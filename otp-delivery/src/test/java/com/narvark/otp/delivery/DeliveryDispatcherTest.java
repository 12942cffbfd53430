package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.StandardEnvironment;

/**
 * The node that holds a send settles it: one carrier call when the carrier answers, a second with the same reference
 * only after an unknown outcome, never a second call because writing the acceptance down failed, and no call for an
 * attempt some node already handed over. The carrier is a stand-in counting calls; the commands are recorded
 * instead of sent to an aggregate.
 */
class DeliveryDispatcherTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final List<Object> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean carrierAnswers = true;
    private volatile boolean databaseAway;
    private final MemoryHandovers handovers = new MemoryHandovers();
    private final DeliveryDispatcher dispatcher = dispatcher();

    @AfterEach
    void stop() throws InterruptedException {
        dispatcher.destroy();
    }

    @Test
    void shouldCallTheCarrierOnceWhenWritingItsAcceptanceDownFails() {
        databaseAway = true;

        dispatcher.submit(true, Messages.message(Channel.SMS, "+447911123456", 0));

        await(() -> !recorded.isEmpty());
        assertThat(calls).hasValue(1);
        assertThat(recorded).singleElement().isInstanceOf(RecordOtpDispatchedCommand.class);
    }

    @Test
    void shouldCallOnceMoreThenFailTheAttemptWhenTheOutcomeIsUnknownTwice() {
        carrierAnswers = false;

        dispatcher.submit(true, Messages.message(Channel.SMS, "+447911123456", 0));

        await(() -> !recorded.isEmpty());
        assertThat(calls).hasValue(2);
        assertThat(recorded).singleElement().isEqualTo(new RecordOtpDeliveryFailedCommand(
                "otp_0123456789abcdefghjkmnpqrs", Channel.SMS, 0, "carrier_timeout"));
    }

    @Test
    void shouldNotCallTheCarrierForAnAttemptAlreadyHandedOver() {
        handovers.begin("otp_0123456789abcdefghjkmnpqrs", 0);

        dispatcher.submit(true, Messages.message(Channel.SMS, "+447911123456", 0));
        dispatcher.submit(true, Messages.message(Channel.SMS, "+447911123456", 1));

        await(() -> !recorded.isEmpty());
        assertThat(calls).as("only attempt 1, which no node had handed over").hasValue(1);
        assertThat(recorded).singleElement().isInstanceOf(RecordOtpDispatchedCommand.class)
                .extracting("attempt").isEqualTo(1);
        assertThat(handovers.begun("otp_0123456789abcdefghjkmnpqrs", 1)).isTrue();
    }

    private DeliveryDispatcher dispatcher() {
        ChannelProvider carrier = new ChannelProvider() {
            @Override
            public String name() {
                return "sandbox";
            }

            @Override
            public boolean supports(Channel channel) {
                return true;
            }

            @Override
            public CarrierAcceptance send(OutboundMessage message) throws Exception {
                calls.incrementAndGet();
                if (!carrierAnswers) {
                    throw new java.net.SocketTimeoutException("no answer");
                }
                return CarrierAcceptance.accepted("m-" + calls.get());
            }
        };
        CarrierMessages carrierMessages = new CarrierMessages(null) {
            @Override
            void remember(String provider, CarrierAcceptance acceptance, OutboundMessage message,
                          java.time.Instant acceptedAt) {
                if (databaseAway) {
                    throw new org.springframework.dao.DataAccessResourceFailureException("database away");
                }
            }
        };
        StandardEnvironment environment = new StandardEnvironment();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        return new DeliveryDispatcher(new ChannelProviders(List.of(carrier), environment), null, carrierMessages,
                handovers, new RecordingReceipts(), recordingGateway(), Clock.systemUTC(), environment,
                new DeliveryMetrics(new SimpleMeterRegistry()), beans.getBeanProvider(ObservationRegistry.class),
                beans.getBeanProvider(Tracer.class), QueueNodes.allAlive());
    }

    /** Records what would be sent; sendAndWait answers at once, send with a completed future. */
    private CommandGateway recordingGateway() {
        return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("send") && args != null && args.length > 0) {
                        recorded.add(args[0]);
                        return method.getName().equals("send") ? CompletableFuture.completedFuture(null) : null;
                    }
                    return null;
                });
    }

    private static void await(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
