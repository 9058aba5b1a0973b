package io.shiporskip.api.account.service;

import io.shiporskip.api.config.ApiConfig.Limit;
import io.shiporskip.api.config.ApiConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.shiporskip.api.platform.Quota;
import io.shiporskip.api.platform.RateLimit;
import io.shiporskip.api.platform.RateLimitExceeded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins per e-mail address (Bucket4j): only failures take a token, and once the bucket is empty every
 * attempt for that address, right or wrong, is refused with 429 until it refills. Unknown addresses are counted
 * the same way, so the 429 does not reveal which accounts exist either.
 */
@ApplicationScoped
public class LoginThrottle {

    private final RateLimit limit;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    public LoginThrottle(ApiConfig apiConfig) {
        Limit limits = apiConfig.limit();
        this.limit = limits.signInFailureLimit();
    }

    /** Throws {@link RateLimitExceeded} while this address has no failures left. */
    public void checkAllowed(String email) {
        Bucket bucket = bucket(email);
        if (bucket.getAvailableTokens() < 1) {
            throw exceeded(bucket);
        }
    }

    /** Records a failure (still answered 401); the next attempt after the last allowed failure gets 429. */
    public void failed(String email) {
        bucket(email).tryConsume(1);
    }

    private RateLimitExceeded exceeded(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
        return new RateLimitExceeded(limit, new Quota(limit.capacity(), 0, wait));
    }

    private Bucket bucket(String email) {
        return buckets.get(email, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
    }
}
