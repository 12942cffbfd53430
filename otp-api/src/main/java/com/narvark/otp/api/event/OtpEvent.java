package com.narvark.otp.api.event;

/** Every event of an OTP's life. Once stored, a name and shape are permanent: evolve with revisions and upcasters. */
public sealed interface OtpEvent permits OtpRequestedEvent, OtpDispatchedEvent, OtpDeliveredEvent, OtpReadEvent,
        OtpDeliveryUnconfirmedEvent, OtpDeliveryFailedEvent, OtpFailedEvent, OtpVerificationFailedEvent,
        OtpLockedEvent, OtpVerifiedEvent, OtpExpiredEvent, OtpResentEvent, OtpCancelledEvent, OtpSendRefusedEvent,
        OtpGuardTrippedEvent {

    String otpId();
}
