package io.shiporskip.badge.limits;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets one log line through per interval and counts the ones held back, so a flood of the same event (a failing
 * database, api down, a full aggregate) costs one line per interval instead of one per event.
 */
public final class LogThrottle {

    private final long intervalMillis;
    private final LongSupplier clock;
    // Long.MIN_VALUE / 2, not MIN_VALUE: now - last must not overflow (the bug MinuteBudgets had).
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong held = new AtomicLong();

    public LogThrottle(long intervalMillis) {
        this(intervalMillis, System::currentTimeMillis);
    }

    /** With the clock (epoch milliseconds) tests move across the interval. */
    public LogThrottle(long intervalMillis, LongSupplier clock) {
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    /**
     * -1 when this event should not be logged (it is counted as held back); otherwise the number of events held
     * back since the last line, which the caller's line should mention.
     */
    public long admit() {
        long now = clock.getAsLong();
        long previous = last.get();
        if (now - previous >= intervalMillis && last.compareAndSet(previous, now)) {
            return held.getAndSet(0);
        }
        held.incrementAndGet();
        return -1;
    }
}
