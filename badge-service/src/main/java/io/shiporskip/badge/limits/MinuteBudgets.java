package io.shiporskip.badge.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Per-key budgets over fixed one-minute windows (each key's window starts at its first use), in a Caffeine cache
 * bounded in size and idle time so that any number of clients costs bounded memory. Two independent budgets
 * per key ({@link #FIRST}, {@link #SECOND}), so one entry serves e.g. impressions and clicks of a (client, tool).
 * A key evicted under pressure starts afresh: the bound trades a little leniency for memory, never the other way.
 * Time comes from the injected {@link InstantSource}, so windows are tested by moving a clock, not by sleeping.
 */
public final class MinuteBudgets<K> {

    public static final int FIRST = 0;
    public static final int SECOND = 1;
    static final long WINDOW_MILLIS = 60_000;

    private final Cache<K, Window> windows;
    private final InstantSource clock;

    public MinuteBudgets(long maxKeys, InstantSource clock) {
        this.clock = clock;
        // Idle for two windows: nothing left to remember. The cache's idea of time is the same clock's.
        this.windows = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofMillis(2 * WINDOW_MILLIS))
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** Takes one unit of the key's budget {@code which}; false (nothing taken) once {@code limit} were taken this window. */
    public boolean take(K key, int which, int limit) {
        long now = clock.millis();
        Window w = windows.getIfPresent(key);
        if (w == null) {
            w = windows.get(key, k -> new Window(now));
        }
        return w.take(which, limit, now);
    }

    /** Keys currently tracked (approximate, for metrics and tests). */
    public long size() {
        return windows.estimatedSize();
    }

    private static final class Window {
        // The window starts at the key's first use. (It used to start at Long.MIN_VALUE, where now - start
        // overflows to a negative number: the window never restarted while a client kept loading.)
        private long start;
        private int first;
        private int second;

        Window(long start) {
            this.start = start;
        }

        synchronized boolean take(int which, int limit, long now) {
            // Only a later time ends a window. An earlier one is a request whose time was read just before another
            // thread opened this window (or a clock stepping back): resetting then handed out a fresh budget mid-burst.
            if (now - start >= WINDOW_MILLIS) {
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
