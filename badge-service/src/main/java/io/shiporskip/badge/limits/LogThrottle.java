package io.shiporskip.badge.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval and counts the ones held back, so a flood of the same event (a failing
 * database, api down, a full aggregate) costs one line per interval instead of one per event.
 */
public final class LogThrottle {

    private final long intervalMillis;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong held = new AtomicLong();

    public LogThrottle(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /**
     * -1 when this event should not be logged (it is counted as held back); otherwise the number of events held
     * back since the last line, which the caller's line should mention.
     */
    public long admit() {
        long now = System.currentTimeMillis();
        long previous = last.get();
        if (now - previous >= intervalMillis && last.compareAndSet(previous, now)) {
            return held.getAndSet(0);
        }
        held.incrementAndGet();
        return -1;
    }
}
