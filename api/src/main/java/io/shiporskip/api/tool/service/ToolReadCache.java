package io.shiporskip.api.tool.service;

import io.shiporskip.api.config.ApiConfig.ReadCache;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.tool.repository.ToolListQuery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.shiporskip.api.platform.Page;
import io.shiporskip.api.tool.mapping.ToolSummary;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hot reads (a tool's page, its verdict, comparisons, list pages) served from memory. Writes drop what they touch:
 * {@link VerdictService#announce} inside the write transaction, and {@link VerdictService#afterCommit} again
 * once the write has committed, so a reader never keeps a value loaded while the write was in flight.
 * A load that overlapped any invalidation is answered but not cached. Other api instances see a write within
 * the time-to-live ({@code shiporskip.read-cache.ttl}), the bound on cross-instance staleness.
 */
@ApplicationScoped
public class ToolReadCache {

    private final Cache<String, ToolDetail> details;
    private final Cache<String, VerdictSnapshot> verdicts;
    private final Cache<List<String>, Object> comparisons;
    private final Cache<ToolListQuery, Page<ToolSummary>> pages;
    private final AtomicLong generation = new AtomicLong();

    public ToolReadCache(ApiConfig apiConfig, MeterRegistry registry) {
        ReadCache config = apiConfig.readCache();
        this.details = build(config.ttl(), config.maxSize());
        this.verdicts = build(config.ttl(), config.maxSize());
        this.comparisons = build(config.ttl(), config.maxSize());
        this.pages = build(config.ttl(), config.maxSize());
        CaffeineCacheMetrics.monitor(registry, details, "catalog.tool-detail");
        CaffeineCacheMetrics.monitor(registry, verdicts, "catalog.verdict");
        CaffeineCacheMetrics.monitor(registry, comparisons, "catalog.comparison");
        CaffeineCacheMetrics.monitor(registry, pages, "catalog.tool-list");
    }

    private static <K, V> Cache<K, V> build(Duration ttl, long maxSize) {
        return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).recordStats().build();
    }

    Uni<ToolDetail> detail(String slug, Supplier<Uni<ToolDetail>> load) {
        return cached(details, slug, load);
    }

    Uni<VerdictSnapshot> verdict(String slug, Supplier<Uni<VerdictSnapshot>> load) {
        return cached(verdicts, slug, load);
    }

    /** A value that shows several tools (a comparison), dropped when any of them changes. */
    @SuppressWarnings("unchecked")
    public <V> Uni<V> acrossTools(List<String> slugs, Supplier<Uni<V>> load) {
        return cached((Cache<List<String>, V>) (Cache<?, ?>) comparisons, List.copyOf(slugs), load);
    }

    /** A page of the tool list, keyed by the whole validated query (filters, sort, size and cursor). */
    Uni<Page<ToolSummary>> page(ToolListQuery query, Supplier<Uni<Page<ToolSummary>>> load) {
        return cached(pages, query, load);
    }

    /** Drops everything that shows this tool, and every list page (any of them may show it, or now should). */
    public void invalidate(String slug) {
        generation.incrementAndGet();
        details.invalidate(slug);
        verdicts.invalidate(slug);
        comparisons.asMap().keySet().removeIf(key -> key.contains(slug));
        pages.invalidateAll();
    }

    /** Drops everything (changes may have been missed while another instance's notifications could not arrive). */
    public void invalidateAll() {
        generation.incrementAndGet();
        details.invalidateAll();
        verdicts.invalidateAll();
        comparisons.invalidateAll();
        pages.invalidateAll();
    }

    /** Drops every list page (a tool was added). */
    public void invalidateLists() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    private <K, V> Uni<V> cached(Cache<K, V> cache, K key, Supplier<Uni<V>> load) {
        V hit = cache.getIfPresent(key);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        long before = generation.get();
        return load.get().invoke(value -> {
            if (generation.get() == before) {
                cache.put(key, value);
            }
        });
    }
}
