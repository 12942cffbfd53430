package com.narvark.otp.delivery;

/** Hands a message to its carrier (or, in the test environment, to the simulator) without waiting for it. */
public interface CarrierDispatch {

    void submit(boolean livemode, OutboundMessage message);

    /** The node whose queue {@link #submit} puts messages in; null when no queue can be lost with a node. */
    default String node() {
        return null;
    }
}
