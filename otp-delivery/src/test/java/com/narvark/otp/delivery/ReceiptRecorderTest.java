package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiptRecorderTest {

    private final LinkedBlockingQueue<Object> sent = new LinkedBlockingQueue<>();
    private final CommandGateway commands = (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                if (method.getName().equals("sendAndWait")) {
                    sent.add(args[0]);
                }
                return null;
            });
    private ReceiptRecorder recorder;

    /** Knows a message id only after it has been looked up {@code unknownLookups} times. */
    private static CarrierMessages storedAfter(int unknownLookups) {
        AtomicInteger lookups = new AtomicInteger();
        return new CarrierMessages(null) {
            @Override
            public Optional<Attempt> find(String provider, String carrierMessageId) {
                return lookups.getAndIncrement() < unknownLookups ? Optional.empty()
                        : Optional.of(new Attempt("otp_1", 0, Channel.SMS, Instant.now()));
            }
        };
    }

    private ReceiptRecorder recorder(CarrierMessages messages) {
        return new ReceiptRecorder(messages, commands, new DeliveryMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        recorder.destroy();
    }

    @Test
    void shouldRecordTheReceiptWhenItArrivesBeforeTheMessageIdIsStored() throws InterruptedException {
        recorder = recorder(storedAfter(2));

        recorder.delivered("smpp", "42");

        assertThat(sent.poll(10, TimeUnit.SECONDS)).isEqualTo(new RecordOtpDeliveredCommand("otp_1", Channel.SMS, 0));
    }

    @Test
    void shouldDropTheReceiptWhenTheMessageIdStaysUnknown() throws InterruptedException {
        recorder = recorder(storedAfter(Integer.MAX_VALUE));

        recorder.delivered("smpp", "42");

        // The last lookup runs about 1.3 s after the receipt; nothing is recorded even well after it.
        assertThat(sent.poll(3, TimeUnit.SECONDS)).isNull();
    }
}
