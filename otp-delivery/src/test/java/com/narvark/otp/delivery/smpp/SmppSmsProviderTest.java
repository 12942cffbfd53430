package com.narvark.otp.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import com.narvark.otp.delivery.CarrierRefusedException;
import com.narvark.otp.delivery.Messages;
import com.narvark.otp.delivery.RecordingReceipts;
import com.narvark.otp.delivery.standin.TestSmsc;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMPP integration against a real SMPP 3.4 peer on loopback. */
class SmppSmsProviderTest {

    private final RecordingReceipts receipts = new RecordingReceipts();
    private TestSmsc smsc;
    private SmppSmsProvider provider;

    private SmppSmsProvider provider(int port) {
        return new SmppSmsProvider(new SmppSettings("127.0.0.1", port, "narvark", "secret", "", "Narvark", 5_000, "udh"),
                receipts, new SecureRandom());
    }

    @AfterEach
    void close() throws Exception {
        if (provider != null) {
            provider.destroy();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private void awaitReceipts(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (receipts.seen.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
    }

    @Test
    void shouldSubmitAndApplyTheDeliveryReceiptWhenTheSmscDelivers() throws Exception {
        smsc = new TestSmsc();
        provider = provider(smsc.port());
        CarrierAcceptance accepted = provider.send(Messages.message(Channel.SMS, "+447911123456", 0));
        assertThat(smsc.submitted()).singleElement().satisfies(sm -> {
            assertThat(sm.destination()).isEqualTo("447911123456");
            assertThat(sm.text()).contains("492817");
            assertThat(sm.messageId()).isEqualTo(accepted.carrierMessageId());
        });
        awaitReceipts(1);
        assertThat(receipts.seen).containsExactly("delivered smpp " + accepted.carrierMessageId());
    }

    @Test
    void shouldReportAFailureWhenTheReceiptSaysUndeliverable() throws Exception {
        smsc = new TestSmsc();
        smsc.receipts(DeliveryReceiptState.UNDELIV);
        provider = provider(smsc.port());
        String id = provider.send(Messages.message(Channel.SMS, "+447911123456", 0)).carrierMessageId();
        awaitReceipts(1);
        assertThat(receipts.seen).containsExactly("failed smpp " + id + " unreachable smpp:stat=UNDELIV;err=000");
    }

    @Test
    void shouldRefuseWhenTheSmscAnswersSubmitNegatively() throws Exception {
        smsc = new TestSmsc();
        smsc.refuse("447911123456");
        provider = provider(smsc.port());
        assertThatThrownBy(() -> provider.send(Messages.message(Channel.SMS, "+447911123456", 0)))
                .isInstanceOfSatisfying(CarrierRefusedException.class,
                        e -> assertThat(e.failure()).isEqualTo(new CarrierFailure(FailureReason.INVALID_DESTINATION,
                                "smpp:0x0000000B")));
    }

    @Test
    void shouldRefuseAtOnceAndRebindLaterWhenTheSmscIsDown() throws Exception {
        smsc = new TestSmsc();
        int port = smsc.port();
        smsc.close();
        provider = provider(port);
        assertThatThrownBy(() -> provider.send(Messages.message(Channel.SMS, "+447911123456", 0)))
                .isInstanceOfSatisfying(CarrierRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("carrier_unavailable"));
    }

    @Test
    void shouldRebindWhenTheSmscComesBack() throws Exception {
        smsc = new TestSmsc();
        int port = smsc.port();
        provider = provider(port);
        provider.send(Messages.message(Channel.SMS, "+447911123456", 0));
        smsc.close();
        Thread.sleep(200);
        assertThatThrownBy(() -> provider.send(Messages.message(Channel.SMS, "+447911123456", 1)))
                .isInstanceOf(CarrierRefusedException.class);

        smsc = new TestSmsc(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        CarrierAcceptance accepted = null;
        while (accepted == null && Instant.now().isBefore(deadline)) {
            try {
                accepted = provider.send(Messages.message(Channel.SMS, "+447911123456", 2));
            } catch (CarrierRefusedException stillDown) {
                Thread.sleep(100);
            }
        }
        assertThat(accepted).isNotNull();
        assertThat(smsc.submitted()).hasSize(1);
    }
}
