package io.shiporskip.api.platform;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Instant;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Token buckets (Bucket4j) per (limit, key), kept in PostgreSQL ({@code catalog.rate_limit_bucket}, Bucket4j's
 * select-for-update store over the JDBC datasource {@code limits}), so every api copy spends the same allowance.
 * Each call is one short transaction that locks only its own bucket's row. JDBC blocks: the {@code Uni} methods run it
 * on a worker thread and continue on the caller's Vert.x context; the {@code ...Now} methods are for code already on a
 * worker thread. Keys (account ids, client addresses, e-mail addresses) are stored only as SHA-256 digests, and a
 * bucket's row is deleted once it would be full again ({@link #removeExpired}).
 */
@ApplicationScoped
public class RateLimiter {

    /** Rows deleted per statement when expired buckets are cleaned up. */
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    @Inject
    public RateLimiter(@io.quarkus.agroal.DataSource("limits") DataSource limits, Now now) {
        this(limits, new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant instant = now.instant();
                return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        });
    }

    /** On the system clock (tests of the limiter without the application). */
    public RateLimiter(DataSource limits) {
        this(limits, TimeMeter.SYSTEM_MILLISECONDS);
    }

    private RateLimiter(DataSource limits, TimeMeter clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(limits)
                .clientClock(clock)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("catalog.rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A full bucket and a missing row mean the same: rows go once refilled (plus a minute of reuse).
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one token, or fails with {@link RateLimitExceeded}; tells what is left. Off the event loop. */
    public Uni<Quota> take(RateLimit limit, String key) {
        return blocking(() -> consumeNow(limit, key));
    }

    /** Takes one token if there is one; {@code false} (and nothing taken) when the allowance is spent. */
    public Uni<Boolean> tryTake(RateLimit limit, String key) {
        return blocking(() -> bucket(limit, key).tryConsume(1));
    }

    /** Gives back a token taken by {@link #take} (never beyond the capacity): the attempt turned out not to count. */
    public Uni<Void> giveBack(RateLimit limit, String key) {
        return blocking(() -> {
            refundNow(limit, key);
            return null;
        });
    }

    /** {@link #take}, on the calling thread: it blocks on PostgreSQL, so never call it on the event loop. */
    public Quota consumeNow(RateLimit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            long toFull = (limit.capacity() - probe.getRemainingTokens())
                    * Math.max(1, limit.period().toSeconds() / limit.capacity());
            return new Quota(limit.capacity(), probe.getRemainingTokens(), toFull);
        }
        long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        throw new RateLimitExceeded(limit, new Quota(limit.capacity(), 0, wait));
    }

    /** {@link #giveBack}, on the calling thread (blocks). */
    public void refundNow(RateLimit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    /** Deletes the rows of buckets that are full again; every copy may run it (rows being used are skipped). */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        int removed;
        int total = 0;
        do {
            removed = buckets.removeExpired(CLEANUP_BATCH);
            total += removed;
        } while (removed == CLEANUP_BATCH);
        if (total > 0) {
            Log.debugf("removed %d refilled rate-limit buckets", total);
        }
    }

    private BucketProxy bucket(RateLimit limit, String key) {
        return buckets.builder().build(id(limit, key), () -> BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
    }

    /**
     * A bucket's row: the limit's name and size (a changed setting starts new buckets rather than reusing ones stored
     * with the old size) and the key's SHA-256 digest, never the key itself.
     */
    static String id(RateLimit limit, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return limit.name() + '/' + limit.capacity() + '/' + limit.period() + '/' + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * Runs blocking work on a worker thread and continues on the caller's Vert.x context (the event loop of the request,
     * where Hibernate Reactive's session lives). Outside Vert.x (a test, a worker of its own) it runs where it is.
     */
    public static <T> Uni<T> blocking(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(Unchecked.supplier(work::call));
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }

    /** The client's address as the HTTP layer sees it (forwarded headers only when the proxy is trusted). */
    public static String clientKey(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
