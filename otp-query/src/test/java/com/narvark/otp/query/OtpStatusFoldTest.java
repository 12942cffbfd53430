package com.narvark.otp.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.api.query.OtpStatusView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtpStatusFoldTest {

    private static final String ID = "otp_x";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static OtpStatusView fold(OtpEvent... events) {
        OtpStatusView view = OtpStatusFold.start(new OtpRequestedEvent(ID, "acct", true,
                new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.WHATSAPP, List.of(Channel.SMS), 6,
                5, "otp_verification", Map.of("k", "v"), new byte[32], new byte[40], T0, T0.plusSeconds(300),
                "d1"));
        for (OtpEvent event : events) {
            view = OtpStatusFold.apply(view, event);
        }
        return view;
    }

    @Test
    void shouldKeepBrandLocaleAndTransactionWhenLaterEventsFold() {
        OtpTransaction payment = new OtpTransaction("42.00", "EUR", "ACME Shop");
        OtpStatusView view = OtpStatusFold.start(new OtpRequestedEvent(ID, "acct", true,
                new Destination(Destination.Kind.PHONE, "+34612345678"), Channel.SMS, List.of(), 6, 5, null,
                Map.of(), new byte[32], new byte[40], T0, T0.plusSeconds(300), "d1",
                new MessageOptions("Acme Shop", "es", null, null), payment));
        view = OtpStatusFold.apply(view, new OtpVerificationFailedEvent(ID, 1, 4, T0.plusSeconds(5),
                "transaction_mismatch"));
        assertThat(view.message().brand()).isEqualTo("Acme Shop");
        assertThat(view.message().locale()).isEqualTo("es");
        assertThat(view.transaction()).isEqualTo(payment);
        assertThat(view.attemptsRemaining()).isEqualTo(4);
    }

    @Test
    void shouldHaveNoMessageOptionsWhenTheOtpPredatesThem() {
        assertThat(fold().message()).isNull();
        assertThat(fold().transaction()).isNull();
    }

    @Test
    void shouldStartPendingWithAllAttemptsWhenRequested() {
        OtpStatusView view = fold();
        assertThat(view.status()).isEqualTo(OtpStatus.PENDING);
        assertThat(view.attemptsRemaining()).isEqualTo(5);
        assertThat(view.channelsTried()).isEmpty();
        assertThat(view.timeline().expiresAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void shouldShowTheFallbackChannelWhenThePrimaryFailed() {
        OtpStatusView view = fold(
                new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "not_on_whatsapp", T0.plusMillis(5)),
                new OtpDispatchedEvent(ID, Channel.SMS, 1, "SM1", T0.plusMillis(9)),
                new OtpDeliveredEvent(ID, Channel.SMS, 1, T0.plusSeconds(2)));
        assertThat(view.status()).isEqualTo(OtpStatus.DELIVERED);
        assertThat(view.channel()).isEqualTo(Channel.SMS);
        assertThat(view.channelsTried()).containsExactly(Channel.WHATSAPP, Channel.SMS);
        assertThat(view.timeline().dispatchedAt()).isEqualTo(T0.plusMillis(9));
    }

    @Test
    void shouldNotReopenAVerifiedOtpWhenALateReceiptArrives() {
        OtpStatusView view = fold(new OtpDispatchedEvent(ID, Channel.WHATSAPP, 0, "w1", T0),
                new OtpVerificationFailedEvent(ID, 1, 4, T0.plusSeconds(5)),
                new OtpVerifiedEvent(ID, 2, T0.plusSeconds(9)),
                new OtpDeliveredEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(10)));
        assertThat(view.status()).isEqualTo(OtpStatus.VERIFIED);
        assertThat(view.attemptsUsed()).isEqualTo(2);
        assertThat(view.attemptsRemaining()).isEqualTo(3);
        assertThat(view.timeline().deliveredAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void shouldShowLockedWithNoAttemptsLeftWhenLocked() {
        OtpStatusView view = fold(new OtpVerificationFailedEvent(ID, 5, 0, T0), new OtpLockedEvent(ID, T0));
        assertThat(view.status()).isEqualTo(OtpStatus.LOCKED);
        assertThat(view.attemptsRemaining()).isZero();
        assertThat(view.timeline().lockedAt()).isEqualTo(T0);
    }

    @Test
    void shouldShowExpiredWhenExpired() {
        OtpStatusView view = fold(new OtpExpiredEvent(ID, T0.plusSeconds(300)));
        assertThat(view.status()).isEqualTo(OtpStatus.EXPIRED);
        assertThat(view.timeline().expiredAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void shouldStayDispatchedAndTellWhenTheReceiptTimedOutWhenNoReceiptCame() {
        OtpStatusView view = fold(new OtpDispatchedEvent(ID, Channel.WHATSAPP, 0, "w1", T0),
                new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)),
                new OtpDispatchedEvent(ID, Channel.SMS, 1, "SM1", T0.plusSeconds(31)),
                new OtpDeliveryUnconfirmedEvent(ID, Channel.SMS, 1, T0.plusSeconds(91)));
        assertThat(view.status()).isEqualTo(OtpStatus.DISPATCHED);
        assertThat(view.timeline().unconfirmedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(view.timeline().failedAt()).isNull();
        assertThat(view.channelsTried()).containsExactly(Channel.WHATSAPP, Channel.SMS);
    }

    @Test
    void shouldShowDeliveredWhenALateReceiptFollowsTheTimeout() {
        OtpStatusView view = fold(new OtpDispatchedEvent(ID, Channel.WHATSAPP, 0, "w1", T0),
                new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)),
                new OtpDeliveredEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(40)));
        assertThat(view.status()).isEqualTo(OtpStatus.DELIVERED);
        assertThat(view.timeline().unconfirmedAt()).isEqualTo(T0.plusSeconds(30));
    }
}
