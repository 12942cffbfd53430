package com.narvark.otp.api.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChangeAwareCacheTest {

    private final FakeFeed feed = new FakeFeed();
    private final AtomicInteger loads = new AtomicInteger();
    private final ChangeAwareCache<String, String> cache = new ChangeAwareCache<>(feed, "accounts",
            new ConcurrentHashMap<>(), (payload, key, value) -> value.startsWith(payload + ":"));

    @Test
    void shouldLoadEveryTimeWhenTheFeedHasNotListenedYet() {
        read("k1");
        read("k1");
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldLoadOnceWhenListened() {
        feed.subscriber.resumed();
        read("k1");
        read("k1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldDropOnlyTheEntriesAChangeNamesWhenNotified() {
        feed.subscriber.resumed();
        cache.get("k1", key -> "acct_a:" + key);
        cache.get("k2", key -> "acct_b:" + key);
        feed.subscriber.changed("acct_a");
        assertThat(cache.get("k1", key -> "fresh")).isEqualTo("fresh");
        assertThat(cache.get("k2", key -> "fresh")).isEqualTo("acct_b:k2");
    }

    @Test
    void shouldDropTheEntriesOfAChangeMadeHereWhenItsTransactionCommits() {
        feed.subscriber.resumed();
        read("k1");
        feed.inTransaction = true;
        cache.changedHere("acct_a");
        assertThat(cache.size()).isEqualTo(1);

        feed.commit();
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldDropEverythingWhenATableWasTruncated() {
        feed.subscriber.resumed();
        read("k1");
        read("k2");
        feed.subscriber.changed(ChangeAwareCache.EVERYTHING);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldNotKeepALoadWhenAChangeArrivedWhileItRan() {
        feed.subscriber.resumed();
        cache.get("k1", key -> {
            feed.subscriber.changed("acct_x"); // any change: the loaded row may predate it
            return "acct_a:stale";
        });
        assertThat(cache.size()).isZero();
        assertThat(cache.get("k1", key -> "acct_a:fresh")).isEqualTo("acct_a:fresh");
    }

    @Test
    void shouldClearAndBypassWhenTheFeedLostItsConnection() {
        feed.subscriber.resumed();
        read("k1");
        feed.subscriber.lost();
        assertThat(cache.size()).isZero();
        read("k1");
        read("k1");
        assertThat(loads).hasValue(3);
        feed.subscriber.resumed();
        read("k1");
        read("k1");
        assertThat(loads).hasValue(4);
    }

    @Test
    void shouldBypassWhileTheFeedIsSilentEvenWhenConnected() {
        feed.subscriber.resumed();
        read("k1");
        feed.upToDate = false;
        read("k1");
        assertThat(loads).hasValue(2);
        feed.upToDate = true;
        read("k1");
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldNotCacheAbsentAnswers() {
        feed.subscriber.resumed();
        cache.get("unknown", key -> null);
        assertThat(cache.size()).isZero();
    }

    private void read(String key) {
        cache.get(key, k -> {
            loads.incrementAndGet();
            return "acct_a:" + k;
        });
    }

    private static final class FakeFeed implements ChangeFeed {

        ChangeSubscriber subscriber;
        volatile boolean upToDate = true;
        boolean inTransaction;
        private final List<Runnable> onCommit = new ArrayList<>();

        @Override
        public void afterCommit(Runnable action) {
            if (inTransaction) {
                onCommit.add(action);
            } else {
                action.run();
            }
        }

        void commit() {
            onCommit.forEach(Runnable::run);
            onCommit.clear();
        }

        @Override
        public void subscribe(String channel, ChangeSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public boolean upToDate() {
            return upToDate;
        }
    }
}
