package io.shiporskip.api.platform;

import java.time.Duration;

/**
 * A named allowance: {@code capacity} requests per {@code period}, refilled gradually (Bucket4j greedy refill).
 * The name keeps different limits' buckets apart and appears in the 429's detail.
 */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("rate limit " + name + " needs a positive capacity and period");
        }
    }
}
