package com.narvark.otp.delivery;

/**
 * Which attempt a node began handing to a carrier, marked (and committed) just before the carrier call. A node killed
 * inside that call leaves no written acceptance, yet the carrier may have taken the message; the mark is what keeps
 * the node taking over from sending the code a second time. Marking is also the claim: an attempt is handed over at
 * most once, by one node, and never after its delivery ended.
 */
interface CarrierHandovers {

    /** Marks the attempt as being handed over; false when some node already did, or the OTP's delivery ended. */
    boolean begin(String otpId, int attempt);

    /** True when a node began handing this attempt of this OTP to a carrier. */
    boolean begun(String otpId, int attempt);
}
