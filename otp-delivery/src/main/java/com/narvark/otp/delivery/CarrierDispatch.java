package com.narvark.otp.delivery;

/** Hands a message to its carrier (or, in the test environment, to the simulator) without waiting for it. */
public interface CarrierDispatch {

    void submit(boolean livemode, OutboundMessage message);
}
