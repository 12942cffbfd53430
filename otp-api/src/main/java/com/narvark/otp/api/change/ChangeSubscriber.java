package com.narvark.otp.api.change;

/** What a {@link ChangeFeed} tells a cache. Called on the feed's thread: every call must be quick. */
public interface ChangeSubscriber {

    /** A change committed on the channel; the payload is what the trigger sent (an account id, say). */
    void changed(String payload);

    /** Notifications may be missed from now on (connection lost, feed stopping): nothing cached may be trusted. */
    void lost();

    /** The channel is listened to again; what changed meanwhile is unknown, so everything cached is stale. */
    void resumed();
}
