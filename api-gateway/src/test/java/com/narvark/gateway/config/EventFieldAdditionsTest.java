package com.narvark.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Events are stored forever: payloads written before issue 16 (no parts, no encoding, no carrier error) must still
 * read, with the new fields null, and the new fields must survive a round trip through the store's mapper.
 */
class EventFieldAdditionsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final ObjectMapper mapper = new AxonStorageAutoConfiguration().defaultAxonObjectMapper();

    @Test
    void shouldReadNullsWhenADispatchWasStoredBeforePartsWereRecorded() throws Exception {
        OtpDispatchedEvent old = mapper.readValue("""
                {"otpId":"otp_x","channel":"SMS","attempt":1,"carrierMessageId":"SM1",
                 "dispatchedAt":"2026-11-26T10:00:00Z"}""", OtpDispatchedEvent.class);
        assertThat(old).isEqualTo(new OtpDispatchedEvent("otp_x", Channel.SMS, 1, "SM1", T0));
        assertThat(old.parts()).isNull();
        assertThat(old.partsOrOne()).isEqualTo(1);
    }

    @Test
    void shouldReadNullCarrierErrorsWhenFailuresWereStoredBeforeTheTaxonomy() throws Exception {
        OtpDeliveryFailedEvent attempt = mapper.readValue("""
                {"otpId":"otp_x","channel":"WHATSAPP","attempt":0,"reason":"whatsapp_131026",
                 "failedAt":"2026-11-26T10:00:00Z"}""", OtpDeliveryFailedEvent.class);
        assertThat(attempt.carrierError()).isNull();
        assertThat(attempt.reason()).isEqualTo("whatsapp_131026");
        OtpFailedEvent otp = mapper.readValue("""
                {"otpId":"otp_x","reason":"undeliverable","failedAt":"2026-11-26T10:00:00Z"}""",
                OtpFailedEvent.class);
        assertThat(otp).isEqualTo(new OtpFailedEvent("otp_x", "undeliverable", T0));
    }

    @Test
    void shouldKeepTheNewFieldsWhenWrittenAndReadBack() throws Exception {
        OtpDispatchedEvent dispatched = new OtpDispatchedEvent("otp_x", Channel.SMS, 0, "SM1", T0, 3, "ucs2");
        assertThat(mapper.readValue(mapper.writeValueAsBytes(dispatched), OtpDispatchedEvent.class))
                .isEqualTo(dispatched);
        OtpFailedEvent failed = new OtpFailedEvent("otp_x", "blocked", T0, "twilio:21610");
        assertThat(mapper.readValue(mapper.writeValueAsBytes(failed), OtpFailedEvent.class)).isEqualTo(failed);
    }
}
