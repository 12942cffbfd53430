package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.CIPHER;
import static com.narvark.otp.command.OtpFixtures.HASHER;
import static com.narvark.otp.command.OtpFixtures.LIVE_CODE;
import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;
import static com.narvark.otp.command.OtpFixtures.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.event.OtpRequestedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class OtpSendTest {

    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(new OtpFixtures.MovableClock());

    @Test
    void shouldRecordOnlyHashAndCiphertextOfTheCodeWhenSent() {
        AtomicReference<OtpRequestedEvent> recorded = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(OtpFixtures.send(true, List.of(Channel.SMS)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches((Object payload) -> {
                    recorded.set((OtpRequestedEvent) payload);
                    return true;
                }), andNoMore())));

        OtpRequestedEvent event = recorded.get();
        assertThat(event.otpId()).isEqualTo(OTP_ID);
        assertThat(event.expiresAt()).isEqualTo(T0.plusSeconds(TTL));
        assertThat(event.fallback()).containsExactly(Channel.SMS);
        assertThat(event.expiryDeadlineId()).as("no deadline: the expiry is a row").isNull();
        assertThat(HASHER.matches(OTP_ID, LIVE_CODE, event.codeHash())).isTrue();
        assertThat(CIPHER.decrypt(event.encryptedCode(), OTP_ID)).isEqualTo(LIVE_CODE);
        assertThat(new String(event.encryptedCode(), StandardCharsets.ISO_8859_1)).doesNotContain(LIVE_CODE);
    }

    @Test
    void shouldUseTheDocumentedCodeWhenSentWithATestKey() {
        AtomicReference<OtpRequestedEvent> recorded = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(OtpFixtures.send(false, List.of()))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches((Object payload) -> {
                    recorded.set((OtpRequestedEvent) payload);
                    return true;
                }), andNoMore())));

        assertThat(HASHER.matches(OTP_ID, "123456", recorded.get().codeHash())).isTrue();
        assertThat(recorded.get().livemode()).isFalse();
    }
}
