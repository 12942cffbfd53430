package com.narvark.otp.api.event;

import java.time.Instant;

/**
 * The code was sent again, starting delivery round {@code round} (the first send is round 0). A new code arrives as
 * a fresh hash and ciphertext; both are null when the same code is resent. The expiry and the attempt count stay.
 */
public record OtpResentEvent(String otpId, int round, byte[] codeHash, byte[] encryptedCode, Instant resentAt)
        implements OtpEvent {

    public boolean newCode() {
        return codeHash != null;
    }
}
