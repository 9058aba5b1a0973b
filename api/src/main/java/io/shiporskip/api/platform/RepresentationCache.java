package io.shiporskip.api.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read answers kept as {@link Representation}s: serialised and hashed once, when loaded, so a hit costs a map lookup.
 * A load that overlapped an invalidation of any cache sharing {@code generation} is answered but not kept: it may
 * have read the state from before the write that caused the invalidation. Entries also expire after {@code ttl}.
 */
public final class RepresentationCache<K, V> {

    private final Cache<K, Representation<V>> cache;
    private final AtomicLong generation;
    private final Representations representations;

    public RepresentationCache(String name, Duration ttl, long maxSize, AtomicLong generation,
            Representations representations, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).recordStats().build();
        this.generation = generation;
        this.representations = representations;
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    public Uni<Representation<V>> get(K key, Supplier<Uni<V>> load) {
        Representation<V> hit = cache.getIfPresent(key);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        long before = generation.get();
        return load.get().map(value -> {
            Representation<V> made = representations.of(value);
            if (generation.get() == before) {
                cache.put(key, made);
            }
            return made;
        });
    }

    /** The cached representation, or null: never loads. */
    public Representation<V> cached(K key) {
        return cache.getIfPresent(key);
    }

    public void invalidate(K key) {
        generation.incrementAndGet();
        cache.invalidate(key);
    }

    public void invalidateIf(Predicate<K> which) {
        generation.incrementAndGet();
        cache.asMap().keySet().removeIf(which);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
