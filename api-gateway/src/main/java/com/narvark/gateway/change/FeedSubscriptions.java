package com.narvark.gateway.change;

import com.narvark.otp.api.change.ChangeSubscriber;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed's subscribers and what each has heard: a subscriber hears changes only between its
 * {@code resumed()} (its channel is listened to on the current connection) and the next {@code lost()}. Subscribing
 * may happen on any thread; everything else runs on the feed's thread.
 */
final class FeedSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscriptions.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    void add(String channel, ChangeSubscriber subscriber) {
        subscriptions.add(new Subscription(channel, subscriber));
    }

    /** LISTENs to the channels of subscriptions not resumed yet; true if there were any. */
    boolean listenForNewcomers(ListenerSession session, Set<String> listened) throws SQLException {
        boolean any = false;
        for (Subscription subscription : subscriptions) {
            if (!subscription.resumed) {
                any = true;
                if (listened.add(subscription.channel)) {
                    session.listen(subscription.channel);
                }
            }
        }
        return any;
    }

    /** After a probe answered past their LISTEN: they start over empty and hear every change from here. */
    void resumeNewcomers() {
        for (Subscription subscription : subscriptions) {
            if (!subscription.resumed) {
                subscription.subscriber.resumed();
                subscription.resumed = true;
            }
        }
    }

    void dispatch(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            for (Subscription subscription : subscriptions) {
                if (subscription.resumed && subscription.channel.equals(notification.getName())) {
                    try {
                        subscription.subscriber.changed(notification.getParameter());
                    } catch (RuntimeException e) {
                        // It may have kept what the change made stale: it starts over empty.
                        LOG.warn("cache of {} failed on a change, emptied: {}", subscription.channel, e.toString());
                        subscription.subscriber.resumed();
                    }
                }
            }
        }
    }

    void loseAll() {
        for (Subscription subscription : subscriptions) {
            subscription.resumed = false;
            subscription.subscriber.lost();
        }
    }

    /** {@code resumed} is read and written by the feed's thread only. */
    private static final class Subscription {

        final String channel;
        final ChangeSubscriber subscriber;
        boolean resumed;

        Subscription(String channel, ChangeSubscriber subscriber) {
            this.channel = channel;
            this.subscriber = subscriber;
        }
    }
}
