package io.shiporskip.badge.service;

import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.logging.Log;
import io.shiporskip.badge.client.VerdictApiClient;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.render.BadgeRenderCache;
import io.shiporskip.model.VerdictSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Verdicts from api behind a Caffeine async cache: refresh-after-write serves the cached verdict while a
 * background load runs, expire-after-write is the backstop, and concurrent misses share one api call.
 * A separate "last known" cache keeps each verdict much longer so a badge still shows while api is down.
 */
@ApplicationScoped
public class VerdictService {

    private final VerdictApiClient api;
    private final BadgeRenderCache renders;
    private final AsyncLoadingCache<String, VerdictLookup> cache;
    private final Cache<String, VerdictSnapshot> lastKnown;

    public VerdictService(@RestClient VerdictApiClient api, BadgeConfig config, BadgeRenderCache renders, MeterRegistry registry) {
        this.api = api;
        this.renders = renders;
        BadgeConfig.VerdictCache c = config.verdictCache();
        this.lastKnown = Caffeine.newBuilder().maximumSize(c.maxSize()).expireAfterWrite(c.staleFor()).build();
        this.cache = Caffeine.newBuilder()
                .maximumSize(c.maxSize())
                .refreshAfterWrite(c.refreshAfter())
                .expireAfterWrite(c.expireAfter())
                .recordStats()
                .buildAsync(new AsyncCacheLoader<String, VerdictLookup>() {
                    @Override
                    public CompletableFuture<VerdictLookup> asyncLoad(String slug, Executor executor) {
                        return load(slug);
                    }

                    @Override
                    public CompletableFuture<VerdictLookup> asyncReload(String slug, VerdictLookup old, Executor executor) {
                        return reload(slug, old);
                    }
                });
        CaffeineCacheMetrics.monitor(registry, cache, "verdict");
    }

    private CompletableFuture<VerdictLookup> load(String slug) {
        return api.verdict(slug)
                .map(snapshot -> {
                    VerdictSnapshot checked = normalise(slug, snapshot);
                    lastKnown.put(slug, checked);
                    return VerdictLookup.found(checked);
                })
                .onFailure(VerdictService::isNotFound).recoverWithItem(() -> {
                    lastKnown.invalidate(slug);
                    return VerdictLookup.UNKNOWN_TOOL;
                })
                .subscribeAsCompletionStage();
    }

    /**
     * A refresh asks api "changed since this version?" (If-None-Match); a 304 keeps the cached verdict
     * without api rendering or sending it again.
     */
    private CompletableFuture<VerdictLookup> reload(String slug, VerdictLookup old) {
        String etag = old.found() ? etagOf(old.snapshot().version()) : null;
        if (etag == null) {
            return load(slug);
        }
        return api.verdictIfChanged(slug, etag)
                .map(response -> {
                    if (response.getStatus() == 304) {
                        return old;
                    }
                    VerdictSnapshot checked = normalise(slug, response.getEntity());
                    lastKnown.put(slug, checked);
                    return VerdictLookup.found(checked);
                })
                .onFailure(VerdictService::isNotFound).recoverWithItem(() -> {
                    lastKnown.invalidate(slug);
                    return VerdictLookup.UNKNOWN_TOOL;
                })
                .subscribeAsCompletionStage();
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

    /**
     * The verdict for a valid slug. The returned future never fails; when it is already complete (a cache
     * hit) callers can answer on the spot without a thread hop.
     */
    public CompletableFuture<VerdictLookup> lookup(String slug) {
        // getIfPresent first: the hit path then allocates nothing (get() always goes through a compute that
        // does); it still triggers refresh-after-write.
        CompletableFuture<VerdictLookup> future = cache.getIfPresent(slug);
        if (future == null) {
            future = cache.get(slug);
        }
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return future;
        }
        return future.exceptionally(failure -> {
            VerdictSnapshot stale = lastKnown.getIfPresent(slug);
            if (stale != null) {
                Log.warnf("api unavailable for %s (%s); serving last known verdict %s", slug, rootMessage(failure), stale.version());
                VerdictLookup found = VerdictLookup.found(stale);
                // Serve it from the cache until the next refresh, instead of asking the failing api on every load.
                cache.put(slug, CompletableFuture.completedFuture(found));
                return found;
            }
            Log.warnf("api unavailable for %s (%s) and no verdict known", slug, rootMessage(failure));
            return VerdictLookup.NOT_AVAILABLE;
        });
    }

    /** Drops a slug from the verdict and render caches (the last known copy stays for outages). */
    public void invalidate(String slug) {
        cache.synchronous().invalidate(slug);
        renders.invalidate(slug);
        Log.debugf("verdict cache: dropped %s", slug);
    }

    /** After a gap in notifications anything may have changed. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
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
