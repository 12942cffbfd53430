package com.narvark.otp.delivery;

import static com.narvark.otp.delivery.DeliveryProcessFixture.CIPHER;
import static com.narvark.otp.delivery.DeliveryProcessFixture.ID;
import static com.narvark.otp.delivery.DeliveryProcessFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The process writes every attempt's text from the OTP's message options, the fallback's too. */
class DeliveryProcessMessageTest {

    private static final MessageOptions SPANISH = new MessageOptions("Acme Shop", "es", null, "shop.example.com");
    private static final OtpTransaction PAYMENT = new OtpTransaction("42.00", "EUR", "ACME Shop");

    private final DeliveryProcessFixture fixture = new DeliveryProcessFixture();

    @Test
    void shouldWriteEveryAttemptInTheOtpsLanguageWhenTheMessageHasOptions() {
        OtpRequestedEvent requested = new OtpRequestedEvent(ID, "acct", true,
                new Destination(Destination.Kind.PHONE, "+34612345678"), Channel.SMS, List.of(Channel.VOICE), 6, 5,
                null, Map.of(), new byte[32], CIPHER.encrypt("492817", ID), T0, T0.plusSeconds(300), "d1", SPANISH,
                PAYMENT);

        fixture.publish(requested).publish(new OtpDeliveryFailedEvent(ID, Channel.SMS, 0, "undeliverable", T0));
        List<OutboundMessage> sent = fixture.sent();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).text()).isEqualTo("492817 es tu código de Acme Shop para aprobar el pago de 42,00 € a "
                + "ACME Shop. Caduca en 5 minutos. No lo compartas con nadie.\n\n@shop.example.com #492817");
        assertThat(sent.get(1).text()).startsWith("Tu código de Acme Shop para aprobar el pago de 42,00 € a ACME Shop "
                + "es 4 9 2 8 1 7.");
        assertThat(sent.get(1).message()).isEqualTo(SPANISH);
        assertThat(sent.get(1).transaction()).isEqualTo(PAYMENT);
    }

    @Test
    void shouldWriteEnglishUnbrandedWhenTheOtpPredatesMessageOptions() {
        fixture.publish(new OtpRequestedEvent(ID, "acct", true,
                new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.SMS, List.of(), 6, 5, null,
                Map.of(), new byte[32], CIPHER.encrypt("492817", ID), T0, T0.plusSeconds(300), "d1"));

        assertThat(fixture.sent()).singleElement().extracting(OutboundMessage::text).asString()
                .startsWith("492817 is your Narvark verification code.");
    }
}
