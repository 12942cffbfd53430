package com.narvark.otp.api;

/**
 * Why a command was refused. Carried as the details of a command execution exception, so modules share codes
 * rather than exception classes.
 */
public enum OtpErrorCode {
    /** The OTP does not exist for the caller: unknown id, another account's or the other environment's. */
    OTP_NOT_FOUND,
    /** The command does not fit the OTP's current state (e.g. a receipt for a channel never tried). */
    INVALID_STATE
}
