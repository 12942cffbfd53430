package com.narvark.otp.api.change;

/**
 * Changes committed to tables that nodes cache, as the database announces them. A table's triggers notify on a
 * channel inside the writing transaction, so an announcement exists exactly when the change committed, whoever wrote
 * it. The gateway implements this over PostgreSQL's LISTEN/NOTIFY; modules only subscribe.
 */
public interface ChangeFeed {

    /**
     * Hands the subscriber every payload committed on the channel from now on. It first hears
     * {@link ChangeSubscriber#resumed()} once the channel is listened to, and {@link ChangeSubscriber#lost()}
     * whenever notifications may go missing.
     */
    void subscribe(String channel, ChangeSubscriber subscriber);

    /**
     * True while every change committed longer ago than the feed's silence limit has been handed to the
     * subscribers: the listening connection answered a probe since then. False while it is down or silent.
     */
    boolean upToDate();

    /**
     * Runs {@code action} once the current transaction has committed, or at once outside one (an auto-committed
     * statement has committed when it returns). The gateway's feed binds it to the transaction in progress.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
