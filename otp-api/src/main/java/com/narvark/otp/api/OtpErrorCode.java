package com.narvark.otp.api;

/**
 * Why a command was refused. Carried as the details of a command execution exception (alone, or inside an
 * {@link OtpRefusal}), so modules share codes rather than exception classes.
 */
public enum OtpErrorCode {
    /** The OTP does not exist for the caller: unknown id, another account's or the other environment's. */
    OTP_NOT_FOUND,
    /** The command does not fit the OTP's current state (e.g. a receipt for a channel never tried). */
    INVALID_STATE,
    /** The OTP has ended (verified, expired, failed, locked, cancelled or refused); it can't be resent or cancelled. */
    OTP_NOT_ACTIVE,
    /** A resend came before the cooldown since the last send ran out. */
    RESEND_TOO_SOON,
    /** The OTP was already sent as often as allowed. */
    RESEND_LIMIT_REACHED
}
