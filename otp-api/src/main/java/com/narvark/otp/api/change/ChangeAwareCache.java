package com.narvark.otp.api.change;

import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read-through cache of database answers that a {@link ChangeFeed} keeps honest: a committed change removes the
 * entries it makes stale, and nothing cached is served unless the feed is up to date, so a missed notification
 * can never keep a stale answer alive. While the feed is down every read goes to the database, as without a cache.
 * <p>
 * The entries live in a map the owner bounds and expires (a Caffeine cache's {@code asMap()}, say): the expiry is
 * the second net, the size bound keeps memory flat. Absent answers ({@code null}) are never cached.
 * <p>
 * A load races with changes: it may read the row just before a change commits and store it just after the change's
 * notification removed the old entry. Every removal first moves the generation on; a load stores its answer only
 * when the generation it started under is still current afterwards, so such an answer is taken out again.
 */
public final class ChangeAwareCache<K, V> implements ChangeSubscriber {

    /** The payload that makes every entry stale (the triggers send it for a TRUNCATE). */
    public static final String EVERYTHING = "*";

    private final ConcurrentMap<K, V> entries;
    private final ChangeFeed feed;
    private final Staleness<K, V> staleness;
    private final AtomicLong generation = new AtomicLong();
    /** False until the feed first listened for this cache, and from every loss until it listens again. */
    private volatile boolean listened;

    /** Subscribes the new cache to {@code channel}; it serves nothing until the feed has listened to it. */
    public ChangeAwareCache(ChangeFeed feed, String channel, ConcurrentMap<K, V> entries, Staleness<K, V> staleness) {
        this.entries = entries;
        this.feed = feed;
        this.staleness = staleness;
        feed.subscribe(channel, this);
    }

    /** Which entries a change's payload makes stale. */
    @FunctionalInterface
    public interface Staleness<K, V> {
        boolean isStale(String payload, K key, V value);
    }

    /** The cached answer, or the loaded one (cached when it is not null and no change intervened). */
    public V get(K key, Function<? super K, ? extends V> load) {
        if (!serving()) {
            return load.apply(key);
        }
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        long startedUnder = generation.get();
        V loaded = load.apply(key);
        if (loaded != null && serving()) {
            entries.put(key, loaded);
            if (generation.get() != startedUnder || !serving()) {
                entries.remove(key, loaded);
            }
        }
        return loaded;
    }

    /** Whether cached answers may be used now. */
    public boolean serving() {
        return listened && feed.upToDate();
    }

    /** Entries held now (for tests and gauges). */
    public int size() {
        return entries.size();
    }

    /**
     * This node wrote a change for {@code payload}: its entries go as the change commits, before the database's
     * notice arrives, so this node's own next read sees it.
     */
    public void changedHere(String payload) {
        feed.afterCommit(() -> changed(payload));
    }

    @Override
    public void changed(String payload) {
        generation.incrementAndGet();
        if (EVERYTHING.equals(payload)) {
            entries.clear();
        } else {
            entries.entrySet().removeIf(entry -> isStale(payload, entry));
        }
    }

    @Override
    public void lost() {
        listened = false;
        generation.incrementAndGet();
        entries.clear();
    }

    @Override
    public void resumed() {
        generation.incrementAndGet();
        entries.clear();
        listened = true;
    }

    private boolean isStale(String payload, Map.Entry<K, V> entry) {
        return staleness.isStale(payload, entry.getKey(), entry.getValue());
    }
}
