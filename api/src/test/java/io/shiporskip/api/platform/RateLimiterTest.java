package io.shiporskip.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter();
    private final RateLimit threePerHour = new RateLimit("sign-up", 3, Duration.ofHours(1));

    @Test
    void allowsTheCapacityThenRefusesWithAWait() {
        assertEquals(2, limiter.consume(threePerHour, "10.0.0.1").remaining());
        assertEquals(1, limiter.consume(threePerHour, "10.0.0.1").remaining());
        assertEquals(0, limiter.consume(threePerHour, "10.0.0.1").remaining());

        RateLimitExceeded refused = assertThrows(RateLimitExceeded.class, () -> limiter.consume(threePerHour, "10.0.0.1"));
        assertEquals(429, refused.status());
        assertEquals(0, refused.quota().remaining());
        // one token comes back after a third of the hour
        assertTrue(refused.quota().resetSeconds() > 1150 && refused.quota().resetSeconds() <= 1200,
                "retry after " + refused.quota().resetSeconds());
    }

    @Test
    void keysAndLimitsDoNotShareBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.consume(threePerHour, "10.0.0.1");
        }
        assertEquals(2, limiter.consume(threePerHour, "10.0.0.2").remaining());
        assertEquals(0, limiter.consume(new RateLimit("votes", 1, Duration.ofMinutes(1)), "10.0.0.1").remaining());
    }
}
