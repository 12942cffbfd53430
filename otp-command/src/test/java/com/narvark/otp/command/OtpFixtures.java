package com.narvark.otp.command;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpRequestedEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Shared givens for the aggregate tests: fixed secrets, a fixed code and a clock the test moves. */
final class OtpFixtures {

    static final String OTP_ID = "otp_0123456789abcdefghjkmnpqrs";
    static final String ACCOUNT = "acct_one";
    static final String LIVE_CODE = "492817";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final int TTL = 300;
    /** What OTPs requested while expiry was a db-scheduler deadline carry; new OTPs carry none. */
    static final String DEADLINE_ID = "deadline-1";
    static final CodeHasher HASHER = new CodeHasher(filled(32, 1));
    static final SecretCipher CIPHER = new SecretCipher(filled(32, 2), new SecureRandom());

    private OtpFixtures() {
    }

    static AggregateTestFixture<Otp> fixture(MovableClock clock) {
        return fixture(clock, new FraudGuards(new InMemoryDestinationLedger(), FraudGuards.Limits.DEFAULT));
    }

    /** The aggregate with the handlers around it; its expiry rows follow its events ({@link OtpExpiryRowsTest}). */
    static AggregateTestFixture<Otp> fixture(MovableClock clock, FraudGuards guards) {
        AggregateTestFixture<Otp> fixture = new AggregateTestFixture<>(Otp.class);
        fixture.registerInjectableResource((CodeGenerator) length -> LIVE_CODE.substring(0, length));
        fixture.registerInjectableResource(HASHER);
        fixture.registerInjectableResource(CIPHER);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(ResendPolicy.DEFAULT);
        fixture.registerAnnotatedCommandHandler(new OtpSendHandler(fixture.getRepository(), guards));
        fixture.registerAnnotatedCommandHandler(new OtpVerifyHandler(fixture.getRepository(), guards));
        return fixture;
    }

    static SendOtpCommand send(boolean livemode, List<Channel> fallback) {
        return send(livemode, fallback, GuardPolicy.DEFAULT, "GB");
    }

    static SendOtpCommand send(boolean livemode, List<Channel> fallback, GuardPolicy guard, String country) {
        return new SendOtpCommand(OTP_ID, ACCOUNT, livemode, new Destination(Destination.Kind.PHONE, "+447911123456"),
                country, Channel.WHATSAPP, fallback, 6, TTL, 5, "otp_verification", Map.of("order", "42"), guard, T0);
    }

    static VerifyOtpCommand verify(String code) {
        return new VerifyOtpCommand(OTP_ID, ACCOUNT, true, code, GuardPolicy.DEFAULT);
    }

    static OtpRequestedEvent requested(List<Channel> fallback) {
        return new OtpRequestedEvent(OTP_ID, ACCOUNT, true, new Destination(Destination.Kind.PHONE, "+447911123456"),
                Channel.WHATSAPP, fallback, 6, 5, "otp_verification", Map.of("order", "42"),
                HASHER.hash(OTP_ID, LIVE_CODE), CIPHER.encrypt(LIVE_CODE, OTP_ID), T0, T0.plusSeconds(TTL),
                DEADLINE_ID);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** A clock the test sets; the aggregate reads time only through it. */
    static final class MovableClock extends Clock {

        private Instant now = T0;

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
