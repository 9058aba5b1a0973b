package io.shiporskip.api.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per (limit, key), held in memory and forgotten after a day without use.
 * Keys are account ids or client addresses; they are never written anywhere. Each api instance limits on its
 * own — behind a load balancer the allowance is per instance, which is acceptable for abuse protection.
 */
@ApplicationScoped
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    /** Takes one token or throws {@link RateLimitExceeded}; returns what is left. */
    public Quota consume(RateLimit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            long toFull = (limit.capacity() - probe.getRemainingTokens())
                    * Math.max(1, limit.period().toSeconds() / limit.capacity());
            return new Quota(limit.capacity(), probe.getRemainingTokens(), toFull);
        }
        long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        throw new RateLimitExceeded(limit, new Quota(limit.capacity(), 0, wait));
    }

    /** Gives back a token taken by {@link #consume} (never beyond the capacity): the attempt turned out not to count. */
    public void refund(RateLimit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    private Bucket bucket(RateLimit limit, String key) {
        return buckets.get(limit.name() + '\u0000' + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
    }

    /** The client's address as the HTTP layer sees it (forwarded headers only when the proxy is trusted). */
    public static String clientKey(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
