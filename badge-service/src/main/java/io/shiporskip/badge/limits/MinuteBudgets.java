package io.shiporskip.badge.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Per-key budgets over fixed one-minute windows (each key's window starts at its first use), in a Caffeine cache
 * bounded in size and idle time so that any number of clients costs bounded memory. Two independent budgets
 * per key ({@link #FIRST}, {@link #SECOND}), so one entry serves e.g. impressions and clicks of a (client, tool).
 * A key evicted under pressure starts afresh: the bound trades a little leniency for memory, never the other way.
 */
public final class MinuteBudgets<K> {

    public static final int FIRST = 0;
    public static final int SECOND = 1;
    static final long WINDOW_MILLIS = 60_000;

    private final Cache<K, Window> windows;

    public MinuteBudgets(long maxKeys) {
        // Idle for two windows: nothing left to remember.
        this.windows = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofMillis(2 * WINDOW_MILLIS)).build();
    }

    /** Takes one unit of the key's budget {@code which}; false (nothing taken) once {@code limit} were taken this window. */
    public boolean take(K key, int which, int limit) {
        Window w = windows.getIfPresent(key);
        if (w == null) {
            w = windows.get(key, k -> new Window());
        }
        return w.take(which, limit, System.currentTimeMillis());
    }

    /** Keys currently tracked (approximate, for metrics and tests). */
    public long size() {
        return windows.estimatedSize();
    }

    private static final class Window {
        private long start = Long.MIN_VALUE;
        private int first;
        private int second;

        synchronized boolean take(int which, int limit, long now) {
            if (now - start >= WINDOW_MILLIS || now < start) {
                start = now;
                first = 0;
                second = 0;
            }
            if (which == FIRST) {
                if (first >= limit) {
                    return false;
                }
                first++;
            } else {
                if (second >= limit) {
                    return false;
                }
                second++;
            }
            return true;
        }
    }
}
