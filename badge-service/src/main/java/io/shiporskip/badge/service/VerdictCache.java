package io.shiporskip.badge.service;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.logging.Log;
import io.shiporskip.badge.client.VerdictApiClient;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.limits.LogThrottle;
import io.shiporskip.badge.limits.ClientKeys;
import io.shiporskip.badge.limits.MinuteBudgets;
import io.shiporskip.badge.render.BadgeRenderCache;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * An HTTP cache of api's verdicts (api's own VerdictCache computes them; this only keeps copies): a Caffeine async
 * cache where refresh-after-write serves the cached verdict while a background load runs, expire-after-write is the
 * backstop, and concurrent misses share one api call.
 * A separate "last known" cache keeps each verdict much longer so a badge still shows while api is down.
 * Slugs api does not know go to their own small short-lived cache (junk never pushes real verdicts out), and a
 * client (an IPv4 address or IPv6 /64, see ClientKeys) may make only so many api lookups of never-seen slugs a
 * minute, so random slugs cannot each cost a call.
 */
@ApplicationScoped
public class VerdictCache {

    private final VerdictApiClient api;
    private final BadgeRenderCache renders;
    private final AsyncLoadingCache<String, VerdictLookup> cache;
    private final Cache<String, VerdictSnapshot> lastKnown;
    private final Cache<String, Boolean> unknown;
    private final MinuteBudgets<String> lookups;
    private final int lookupsPerMinute;
    private final Counter skippedLookups;
    private final LogThrottle unavailableLog = new LogThrottle(10_000);

    /** What a load that could not reach api completes with: never cached (see {@link #settle}), and no Caffeine warning per miss. */
    private static final VerdictLookup LOAD_FAILED = new VerdictLookup(VerdictLookup.Status.UNAVAILABLE, null);
    private static final CompletableFuture<VerdictLookup> UNKNOWN_DONE = CompletableFuture.completedFuture(VerdictLookup.UNKNOWN_TOOL);
    private static final CompletableFuture<VerdictLookup> UNCHECKED_DONE = CompletableFuture.completedFuture(VerdictLookup.NOT_CHECKED);

    public VerdictCache(@RestClient VerdictApiClient api, BadgeConfig config, BadgeRenderCache renders, MeterRegistry registry,
            InstantSource clock) {
        this.api = api;
        this.renders = renders;
        BadgeConfig.VerdictCache c = config.verdictCache();
        this.lastKnown = Caffeine.newBuilder().maximumSize(c.maxSize()).expireAfterWrite(c.staleFor()).build();
        this.unknown = Caffeine.newBuilder().maximumSize(c.unknownMaxSize()).expireAfterWrite(c.unknownTtl()).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, unknown, "verdict-unknown");
        this.lookups = new MinuteBudgets<>(config.counting().maxTrackedClients(), clock);
        this.lookupsPerMinute = c.clientLookupsPerMinute();
        this.skippedLookups = Counter.builder("badge.verdict.lookups.skipped")
                .description("Never-seen slugs answered as unchecked because the client spent its api lookups of the minute")
                .register(registry);
        this.cache = Caffeine.newBuilder()
                .maximumSize(c.maxSize())
                .refreshAfterWrite(c.refreshAfter())
                .expireAfterWrite(c.expireAfter())
                .recordStats()
                .buildAsync(new AsyncCacheLoader<String, VerdictLookup>() {
                    @Override
                    public CompletableFuture<VerdictLookup> asyncLoad(String slug, Executor executor) {
                        return fetch(slug, null);
                    }

                    @Override
                    public CompletableFuture<VerdictLookup> asyncReload(String slug, VerdictLookup old, Executor executor) {
                        return fetch(slug, old);
                    }
                });
        CaffeineCacheMetrics.monitor(registry, cache, "verdict");
    }

    /**
     * One api call for both a first load and a refresh. A refresh ({@code old} found) asks api "changed since this
     * version?" (If-None-Match); a 304 keeps the cached verdict without api rendering or sending it again. 404
     * means no such tool either way. A load that cannot reach api completes with {@link #LOAD_FAILED} (never cached,
     * see {@link #settle}); a failed refresh fails, so Caffeine keeps serving the old verdict until it expires.
     */
    private CompletableFuture<VerdictLookup> fetch(String slug, VerdictLookup old) {
        String etag = old != null && old.found() ? etagOf(old.snapshot().version()) : null;
        Uni<VerdictLookup> answer = (etag == null
                ? api.verdict(slug).map(snapshot -> remember(slug, snapshot))
                : api.verdictIfChanged(slug, etag).map(response -> response.getStatus() == 304 ? old : remember(slug, response.getEntity())))
                .onFailure(VerdictCache::isNotFound).recoverWithItem(() -> {
                    lastKnown.invalidate(slug);
                    unknown.put(slug, Boolean.TRUE);
                    return VerdictLookup.UNKNOWN_TOOL;
                });
        if (etag == null) {
            answer = answer.onFailure().recoverWithItem(failure -> {
                logUnavailable(slug, failure);
                return LOAD_FAILED;
            });
        }
        return answer.subscribeAsCompletionStage();
    }

    private VerdictLookup remember(String slug, VerdictSnapshot snapshot) {
        VerdictSnapshot checked = normalise(slug, snapshot);
        lastKnown.put(slug, checked);
        return VerdictLookup.found(checked);
    }

    /**
     * The ETag api sends for a version, or null when the version cannot travel in a header as is (our own
     * synthetic versions contain a space, so they never do).
     */
    static String etagOf(String version) {
        if (version == null || version.isEmpty()) {
            return null;
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c <= 0x20 || c == '"' || c >= 0x7f) {
                return null;
            }
        }
        return '"' + version + '"';
    }

    /** 404 means no such tool; 400 means api finds the slug malformed, so no such tool either. */
    private static boolean isNotFound(Throwable t) {
        return t instanceof WebApplicationException e
                && (e.getResponse().getStatus() == 404 || e.getResponse().getStatus() == 400);
    }

    /** Guards the render cache key and ETag against a verdict without a version. */
    private static VerdictSnapshot normalise(String slug, VerdictSnapshot v) {
        if (v.version() != null && !v.version().isEmpty() && slug.equals(v.slug())) {
            return v;
        }
        String version = v.version() == null || v.version().isEmpty() ? "synthetic " + Integer.toHexString(v.hashCode()) : v.version();
        return new VerdictSnapshot(slug, v.name(), v.tagline(), v.decision(), v.ships(), v.skips(), v.shipPercent(),
                v.meanScore(), v.reviewCount(), v.community(), v.critics(), version);
    }

    /** The verdict for a valid slug, without a lookup budget (for callers that are not a client request). */
    public CompletableFuture<VerdictLookup> lookup(String slug) {
        return lookup(slug, null);
    }

    /**
     * The verdict for a valid slug. The returned future never fails; when it is already complete (a cache
     * hit) callers can answer on the spot without a thread hop. {@code client} is the address whose budget of
     * lookups of never-seen slugs this one spends; null for none (verified image proxies).
     */
    public CompletableFuture<VerdictLookup> lookup(String slug, String client) {
        // getIfPresent first: the hit path then allocates nothing (get() always goes through a compute that
        // does); it still triggers refresh-after-write.
        CompletableFuture<VerdictLookup> future = cache.getIfPresent(slug);
        if (future == null) {
            if (unknown.getIfPresent(slug) != null) {
                return UNKNOWN_DONE;
            }
            if (client != null && lastKnown.getIfPresent(slug) == null
                    && !lookups.take(ClientKeys.client(client), MinuteBudgets.FIRST, lookupsPerMinute)) {
                skippedLookups.increment();
                return UNCHECKED_DONE;
            }
            future = cache.get(slug);
        }
        if (future.isDone() && !future.isCompletedExceptionally()) {
            VerdictLookup done = future.join();
            if (done != LOAD_FAILED && done != VerdictLookup.UNKNOWN_TOOL) {
                return future;
            }
            return CompletableFuture.completedFuture(settle(slug, future, done));
        }
        CompletableFuture<VerdictLookup> loading = future;
        return future.handle((lookup, failure) -> settle(slug, loading, failure != null ? LOAD_FAILED : lookup));
    }

    /** Keeps unknown slugs and failed loads out of the main cache; serves the last known verdict while api fails. */
    private VerdictLookup settle(String slug, CompletableFuture<VerdictLookup> future, VerdictLookup lookup) {
        if (lookup == VerdictLookup.UNKNOWN_TOOL) {
            unknown.put(slug, Boolean.TRUE);
            cache.asMap().remove(slug, future);
            return lookup;
        }
        if (lookup != LOAD_FAILED) {
            return lookup;
        }
        // Never cached: the next request asks api again (the per-client budget bounds how often for junk slugs).
        cache.asMap().remove(slug, future);
        VerdictSnapshot stale = lastKnown.getIfPresent(slug);
        if (stale == null) {
            return VerdictLookup.NOT_AVAILABLE;
        }
        VerdictLookup found = VerdictLookup.found(stale);
        // Serve it from the cache until the next refresh, instead of asking the failing api on every load.
        cache.put(slug, CompletableFuture.completedFuture(found));
        return found;
    }

    /** One line per interval however many lookups fail (a down api would otherwise log once per request). */
    private void logUnavailable(String slug, Throwable failure) {
        long held = unavailableLog.admit();
        if (held >= 0) {
            Log.warnf("api unavailable for %s (%s); serving last known verdicts where there are any (%d more failed lookups since the last line)",
                    slug, rootMessage(failure), held);
        }
    }

    /** Drops a slug from the verdict and render caches (the last known copy stays for outages). */
    public void invalidate(String slug) {
        cache.synchronous().invalidate(slug);
        unknown.invalidate(slug); // a tool just created under a slug that was unknown
        renders.invalidate(slug);
        Log.debugf("verdict cache: dropped %s", slug);
    }

    /** After a gap in notifications anything may have changed. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
        unknown.invalidateAll();
        renders.invalidateAll();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
