package io.shiporskip.badge.stats;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shiporskip.badge.security.RightsClock;
import io.shiporskip.badge.security.RightsTicker;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The maker-rights cache's clock in tests: it moves only when a test moves it, so "within the TTL" and "past the TTL"
 * are exact instants, not sleeps. Replaces the system ticker ({@link RightsTicker}'s default) in every test application.
 */
@Singleton
@RightsClock
public class ManualTicker implements Ticker {

    private static final AtomicLong NANOS = new AtomicLong();

    @Override
    public long read() {
        return NANOS.get();
    }

    static void advance(Duration by) {
        NANOS.addAndGet(by.toNanos());
    }
}
