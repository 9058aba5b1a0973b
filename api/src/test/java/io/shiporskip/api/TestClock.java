package io.shiporskip.api;

import io.shiporskip.api.platform.Now;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;

/**
 * The application's {@link Now} in every test: the real time plus an offset a test moves across a boundary (a link's
 * expiry, an hourly cap) instead of sleeping. A test that moves it puts it back ({@link #reset}) when it ends.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Now {

    private static volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return super.instant().plus(offset);
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }
}
