package com.narvark.otp.delivery;

import java.util.Optional;

/**
 * What carriers already accepted, asked before a send is repeated. A carrier's acceptance is written down
 * ({@link CarrierMessages}) before the dispatch is recorded on the OTP, so when the node holding a send died, or
 * the recording failed, between the carrier's answer and the OTP's event, the send is known to be out and is not
 * made twice.
 */
interface AcceptedSends {

    /** The carrier's acceptance of this attempt of this OTP, if one was written down. */
    Optional<AcceptedSend> find(String otpId, int attempt);

    record AcceptedSend(String carrierMessageId, int parts, String encoding) {
    }
}
