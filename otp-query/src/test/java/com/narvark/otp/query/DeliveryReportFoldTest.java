package com.narvark.otp.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.query.DeliveryAttemptView;
import com.narvark.otp.api.query.OtpDeliveryReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The carrier side of the status: attempts, parts, and the failure taxonomy for old and new events alike. */
class DeliveryReportFoldTest {

    private static final String ID = "otp_x";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static OtpDeliveryReport fold(OtpEvent... events) {
        var view = OtpStatusFold.start(new OtpRequestedEvent(ID, "acct", true,
                new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.WHATSAPP, List.of(Channel.SMS), 6,
                5, "otp_verification", Map.of(), new byte[32], new byte[40], T0, T0.plusSeconds(300), "d1"));
        for (OtpEvent event : events) {
            view = OtpStatusFold.apply(view, event);
        }
        return view.delivery();
    }

    @Test
    void shouldListEachAttemptWithItsPartsAndReasonWhenTheFallbackDelivers() {
        OtpDeliveryReport report = fold(
                new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "unreachable", T0, "whatsapp:131026"),
                new OtpDispatchedEvent(ID, Channel.SMS, 1, "SM1", T0, 3, "ucs2"),
                new OtpDeliveredEvent(ID, Channel.SMS, 1, T0));
        assertThat(report.failureReason()).isNull();
        assertThat(report.parts()).isEqualTo(3);
        assertThat(report.attempts()).containsExactly(
                new DeliveryAttemptView(0, Channel.WHATSAPP, "failed", 0, null, "unreachable", "whatsapp:131026"),
                new DeliveryAttemptView(1, Channel.SMS, "delivered", 3, "ucs2", null, null));
    }

    @Test
    void shouldClassifyTheReasonWhenTheEventsPredateTheTaxonomy() {
        OtpDeliveryReport report = fold(
                new OtpDispatchedEvent(ID, Channel.WHATSAPP, 0, "w1", T0),
                new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "whatsapp_131026", T0),
                new OtpDeliveryFailedEvent(ID, Channel.SMS, 1, "smpp_status_11", T0),
                new OtpFailedEvent(ID, "smpp_status_11", T0));
        assertThat(report.failureReason()).isEqualTo("invalid_destination");
        assertThat(report.carrierError()).isEqualTo("smpp:0x0000000B");
        assertThat(report.parts()).isEqualTo(1);
        assertThat(report.attempts().get(0)).isEqualTo(new DeliveryAttemptView(0, Channel.WHATSAPP, "failed", 1,
                null, "unreachable", "whatsapp:131026"));
    }

    @Test
    void shouldKeepReadWhenADeliveredReceiptComesLate() {
        OtpDeliveryReport report = fold(new OtpDispatchedEvent(ID, Channel.WHATSAPP, 0, "w1", T0),
                new OtpReadEvent(ID, Channel.WHATSAPP, 0, T0), new OtpDeliveredEvent(ID, Channel.WHATSAPP, 0, T0));
        assertThat(report.attempts()).extracting(DeliveryAttemptView::status).containsExactly("read");
    }
}
