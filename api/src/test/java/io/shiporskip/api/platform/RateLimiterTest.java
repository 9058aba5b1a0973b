package io.shiporskip.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buckets are PostgreSQL rows (a real database, the api's own migrations); each test starts with none. */
class RateLimiterTest {

    private static LimitsDatabase database;
    private static AgroalDataSource pool;

    private final RateLimiter limiter = new RateLimiter(pool);
    private final RateLimit threePerHour = new RateLimit("sign-up", 3, Duration.ofHours(1));

    @BeforeAll
    static void database() {
        database = new LimitsDatabase("shiporskip_api_limiter_test");
        pool = database.pool(4);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @BeforeEach
    void freshBuckets() {
        database.forgetBuckets(pool);
    }

    @Test
    void allowsTheCapacityThenRefusesWithAWait() {
        assertEquals(2, limiter.consumeNow(threePerHour, "10.0.0.1").remaining());
        assertEquals(1, limiter.consumeNow(threePerHour, "10.0.0.1").remaining());
        assertEquals(0, limiter.consumeNow(threePerHour, "10.0.0.1").remaining());

        RateLimitExceeded refused = assertThrows(RateLimitExceeded.class, () -> limiter.consumeNow(threePerHour, "10.0.0.1"));
        assertEquals(429, refused.status());
        assertEquals(0, refused.quota().remaining());
        // one token comes back after a third of the hour
        assertTrue(refused.quota().resetSeconds() > 1150 && refused.quota().resetSeconds() <= 1200,
                "retry after " + refused.quota().resetSeconds());
    }

    @Test
    void keysAndLimitsDoNotShareBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.consumeNow(threePerHour, "10.0.0.1");
        }
        assertEquals(2, limiter.consumeNow(threePerHour, "10.0.0.2").remaining());
        assertEquals(0, limiter.consumeNow(new RateLimit("votes", 1, Duration.ofMinutes(1)), "10.0.0.1").remaining());
    }
}
