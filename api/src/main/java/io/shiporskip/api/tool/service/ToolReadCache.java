package io.shiporskip.api.tool.service;

import io.shiporskip.api.config.ApiConfig.ReadCache;
import io.shiporskip.api.config.ApiConfig;
import io.shiporskip.api.tool.repository.ToolListQuery;

import io.micrometer.core.instrument.MeterRegistry;
import io.shiporskip.api.platform.Page;
import io.shiporskip.api.platform.Representation;
import io.shiporskip.api.platform.RepresentationCache;
import io.shiporskip.api.platform.Representations;
import io.shiporskip.api.tool.mapping.ToolSummary;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hot reads (a tool's page, its verdict, comparisons, list pages, the categories) served from memory as the
 * bytes to send and their ETag ({@link Representation}), so a hit does no serialisation. Writes drop what they touch:
 * {@link VerdictService#announce} inside the write transaction, and {@link VerdictService#afterCommit} again
 * once the write has committed (votes, one autocommitted statement, only after it), so a reader never keeps a value
 * loaded while the write was in flight: a load that overlapped any invalidation is answered but not cached. Other api
 * copies drop the tool when its NOTIFY arrives ({@link VerdictChanges}); the time-to-live
 * ({@code shiporskip.read-cache.ttl}) is the backstop.
 */
@ApplicationScoped
public class ToolReadCache {

    private final AtomicLong generation = new AtomicLong();
    private final RepresentationCache<String, ToolDetail> details;
    private final RepresentationCache<String, VerdictSnapshot> verdicts;
    private final RepresentationCache<List<String>, Object> comparisons;
    private final RepresentationCache<ToolListQuery, Page<ToolSummary>> pages;
    private final RepresentationCache<String, Object> catalogWide;

    public ToolReadCache(ApiConfig apiConfig, Representations representations, MeterRegistry registry) {
        ReadCache config = apiConfig.readCache();
        this.details = new RepresentationCache<>("catalog.tool-detail", config.ttl(), config.maxSize(), generation,
                representations, registry);
        this.verdicts = new RepresentationCache<>("catalog.verdict", config.ttl(), config.maxSize(), generation,
                representations, registry);
        this.comparisons = new RepresentationCache<>("catalog.comparison", config.ttl(), config.maxSize(), generation,
                representations, registry);
        this.pages = new RepresentationCache<>("catalog.tool-list", config.ttl(), config.maxSize(), generation,
                representations, registry);
        this.catalogWide = new RepresentationCache<>("catalog.catalog-wide", config.ttl(), config.maxSize(),
                generation, representations, registry);
    }

    public Uni<Representation<ToolDetail>> detail(String slug, Supplier<Uni<ToolDetail>> load) {
        return details.get(slug, load);
    }

    /** The tool page if it is cached, else null (never loads). */
    public Representation<ToolDetail> cachedDetail(String slug) {
        return details.cached(slug);
    }

    Uni<Representation<VerdictSnapshot>> verdict(String slug, Supplier<Uni<VerdictSnapshot>> load) {
        return verdicts.get(slug, load);
    }

    /** A value that shows several tools (a comparison), dropped when any of them changes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <V> Uni<Representation<V>> acrossTools(List<String> slugs, Supplier<Uni<V>> load) {
        return ((RepresentationCache) comparisons).get(List.copyOf(slugs), load);
    }

    /** A value summarising the whole catalog (the categories), dropped when any tool changes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <V> Uni<Representation<V>> catalogWide(String key, Supplier<Uni<V>> load) {
        return ((RepresentationCache) catalogWide).get(key, load);
    }

    /** A page of the tool list, keyed by the whole validated query (filters, sort, size and cursor). */
    Uni<Representation<Page<ToolSummary>>> page(ToolListQuery query, Supplier<Uni<Page<ToolSummary>>> load) {
        return pages.get(query, load);
    }

    /** Drops everything that shows this tool, and every list (any of them may show it, or now should). */
    public void invalidate(String slug) {
        details.invalidate(slug);
        verdicts.invalidate(slug);
        comparisons.invalidateIf(key -> key.contains(slug));
        invalidateLists();
    }

    /** Drops everything (changes may have been missed while another copy's notifications could not arrive). */
    public void invalidateAll() {
        details.invalidateAll();
        verdicts.invalidateAll();
        comparisons.invalidateAll();
        invalidateLists();
    }

    /** Drops every list page and catalog-wide value (a tool was added). */
    public void invalidateLists() {
        pages.invalidateAll();
        catalogWide.invalidateAll();
    }
}
