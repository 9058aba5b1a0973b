package io.shiporskip.badge;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of every windowed limit in the tests: the system's, plus however far a test moved it. Moving only ever
 * goes forward (as time does), so tests sharing the application never see a window go backwards.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock implements InstantSource {

    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }
}
