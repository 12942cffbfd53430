package com.narvark.otp.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.OutboundMessage;
import com.narvark.otp.delivery.RecordingReceipts;
import com.narvark.otp.delivery.standin.TestSmsc;
import com.narvark.otp.delivery.standin.TestSmsc.Submitted;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Texts in every alphabet and length through a real SMPP peer, which decodes and reassembles them as a handset
 * would: what it reads must be exactly what was sent.
 */
class SmppEncodingTest {

    private static final String GSM_LONG = "Your code is 492817. Never share it: we will never ask for it {by phone}, "
            + "by e-mail or in a chat. It expires in 5 minutes; if you did not ask for it, ignore this message. €0 fee.";
    private static final String CYRILLIC_LONG = "Ваш код подтверждения: 492817. Никому его не сообщайте. Код действует "
            + "пять минут.";
    private static final String EMOJI_LONG = "🔐".repeat(40) + " 492817";

    private final RecordingReceipts receipts = new RecordingReceipts();
    private TestSmsc smsc;
    private SmppSmsProvider provider;

    private SmppSmsProvider provider(String longMessages) {
        return new SmppSmsProvider(new SmppSettings("127.0.0.1", smsc.port(), "narvark", "secret", "", "Narvark",
                5_000, longMessages), receipts, new SecureRandom());
    }

    private static OutboundMessage sms(String text) {
        return new OutboundMessage("otp_0123456789abcdefghjkmnpqrs", 0, 0, "acct", Channel.SMS, "+447911123456",
                "492817", text, "otp_verification", Instant.now().plusSeconds(300), Instant.now());
    }

    private Submitted sendAndReceive(String longMessages, String text) throws Exception {
        smsc = new TestSmsc();
        provider = provider(longMessages);
        CarrierAcceptance accepted = provider.send(sms(text));
        Submitted received = smsc.submitted().get(0);
        assertThat(received.text()).isEqualTo(text);
        assertThat(received.messageId()).isEqualTo(accepted.carrierMessageId());
        assertThat(accepted.partMessageIds()).isEqualTo(received.partIds());
        return received;
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

    @Test
    void shouldSendGsm7WithoutMessageClassWhenTheTextFitsTheAlphabet() throws Exception {
        Submitted sms = sendAndReceive("udh", "Code @492817_ for £5: ok? Ça va, é à ü");
        assertThat(sms.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(sms.parts()).isEqualTo(1);
    }

    @Test
    void shouldSendUcs2WithoutMessageClassWhenTheTextIsCjk() throws Exception {
        Submitted sms = sendAndReceive("udh", "您的验证码是492817");
        assertThat(sms.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(sms.parts()).isEqualTo(1);
    }

    @Test
    void shouldSendConcatenatedGsm7PartsWhenTheTextIsLong() throws Exception {
        Submitted sms = sendAndReceive("udh", GSM_LONG);
        assertThat(sms.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(sms.parts()).isEqualTo(2);
    }

    @Test
    void shouldSendConcatenatedUcs2PartsWhenTheTextIsLongCyrillic() throws Exception {
        Submitted sms = sendAndReceive("udh", CYRILLIC_LONG);
        assertThat(sms.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(sms.parts()).isEqualTo(2);
    }

    @Test
    void shouldKeepEverySurrogatePairWholeWhenEmojiSpanParts() throws Exception {
        Submitted sms = sendAndReceive("udh", EMOJI_LONG);
        assertThat(sms.parts()).isEqualTo(2);
    }

    @Test
    void shouldSendOnePduWithMessagePayloadWhenConfiguredSo() throws Exception {
        Submitted sms = sendAndReceive("payload", GSM_LONG);
        assertThat(sms.inMessagePayload()).isTrue();
        assertThat(sms.partIds()).hasSize(1);
    }

    @Test
    void shouldReportEveryPartIdAndItsPartsCountWhenTheTextIsSplit() throws Exception {
        smsc = new TestSmsc();
        provider = provider("udh");
        CarrierAcceptance accepted = provider.send(sms(CYRILLIC_LONG));
        assertThat(accepted.parts()).isEqualTo(2);
        assertThat(accepted.encoding()).isEqualTo("ucs2");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (receipts.seen.size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(receipts.seen).containsExactlyInAnyOrder("delivered smpp " + accepted.partMessageIds().get(0),
                "delivered smpp " + accepted.partMessageIds().get(1));
    }
}
