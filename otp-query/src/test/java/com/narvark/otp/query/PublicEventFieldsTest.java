package com.narvark.otp.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpGuardTrippedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.query.OtpEventView;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicEventFieldsTest {

    private static final String ID = "otp_x";
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static final List<OtpEvent> EVERY_KIND = List.of(
            new OtpRequestedEvent(ID, "acct", true, new Destination(Destination.Kind.PHONE, "+447400123456"),
                    Channel.WHATSAPP, List.of(Channel.SMS), 6, 5, "otp_verification", Map.of("k", "v"),
                    new byte[] {1, 2, 3}, new byte[] {4, 5, 6}, T, T.plusSeconds(300), "deadline-42"),
            new OtpDispatchedEvent(ID, Channel.SMS, 1, "SM1", T), new OtpDeliveredEvent(ID, Channel.SMS, 1, T),
            new OtpReadEvent(ID, Channel.SMS, 1, T), new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "r", T),
            new OtpFailedEvent(ID, "r", T), new OtpVerificationFailedEvent(ID, 1, 4, T), new OtpLockedEvent(ID, T),
            new OtpVerifiedEvent(ID, 2, T), new OtpExpiredEvent(ID, T),
            new OtpResentEvent(ID, 1, new byte[] {7}, new byte[] {8}, T), new OtpCancelledEvent(ID, T),
            new OtpSendRefusedEvent(ID, "acct", true, new Destination(Destination.Kind.PHONE, "+447400123456"),
                    Channel.SMS, 8, Map.of(), GuardReason.DESTINATION_RATE_LIMITED, T),
            new OtpGuardTrippedEvent(ID, GuardReason.COUNTRY_NOT_ALLOWED, false, T),
            new OtpDeliveryUnconfirmedEvent(ID, Channel.SMS, 1, T));

    @Test
    void shouldGiveEveryEventKindItsOwnPublicTypeWhenMapped() {
        Set<String> types = new HashSet<>();
        for (OtpEvent event : EVERY_KIND) {
            OtpEventView view = PublicEventFields.view("e", 3, T, event);
            assertThat(view.type()).startsWith("otp.");
            assertThat(view.otpId()).isEqualTo(ID);
            types.add(view.type());
        }
        assertThat(types).hasSize(OtpEvent.class.getPermittedSubclasses().length).hasSize(EVERY_KIND.size());
    }

    @Test
    void shouldNeverExposeTheCodeHashCiphertextOrDeadlineWhenTheRequestIsMapped() {
        Map<String, Object> data = PublicEventFields.view("e", 0, T, EVERY_KIND.get(0)).data();
        assertThat(data.keySet()).doesNotContain("code_hash", "codeHash", "encrypted_code", "encryptedCode",
                "expiry_deadline_id", "expiryDeadlineId");
        assertThat(data.values()).noneMatch(value -> value instanceof byte[]);
        assertThat(data.toString()).doesNotContain("deadline-42", Arrays.toString(new byte[] {1, 2, 3}));
        assertThat(data).containsEntry("to", "+447400123456").containsEntry("fallbacks", List.of("sms"));
    }

    @Test
    void shouldShowTheStoredReasonBesideTheTaxonomyReasonWhenAFailureIsMapped() {
        Map<String, Object> legacy = PublicEventFields.view("e", 1, T,
                new OtpDeliveryFailedEvent(ID, Channel.SMS, 1, "twilio_21211", T)).data();
        assertThat(legacy).containsEntry("reason", "twilio_21211").containsEntry("failure_reason",
                "invalid_destination").containsEntry("carrier_error", "twilio:21211");
        Map<String, Object> current = PublicEventFields.view("e", 2, T,
                new OtpFailedEvent(ID, "blocked", T, "twilio:21610")).data();
        assertThat(current).containsEntry("reason", "blocked").containsEntry("failure_reason", "blocked")
                .containsEntry("carrier_error", "twilio:21610");
    }

    @Test
    void shouldShowThePartsAndTheAlphabetWhenADispatchIsMapped() {
        assertThat(PublicEventFields.view("e", 1, T, new OtpDispatchedEvent(ID, Channel.SMS, 0, "SM1", T, 2,
                "ucs2")).data()).containsEntry("parts", 2).containsEntry("encoding", "ucs2");
        assertThat(PublicEventFields.view("e", 1, T, EVERY_KIND.get(1)).data()).containsEntry("parts", 1);
    }

    @Test
    void shouldNeverExposeANewCodeWhenAResendIsMapped() {
        Map<String, Object> data = PublicEventFields.view("e", 0, T, EVERY_KIND.get(10)).data();
        assertThat(data).containsOnlyKeys("round", "new_code", "resent_at").containsEntry("new_code", true);
    }
}
