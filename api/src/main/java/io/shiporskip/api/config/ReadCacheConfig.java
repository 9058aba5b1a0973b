package io.shiporskip.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The in-memory cache of tool pages, verdicts and comparisons ({@code CatalogCache}). */
@ConfigMapping(prefix = "shiporskip.read-cache")
public interface ReadCacheConfig {

    /** How long an entry lives; bounds what other api instances show after a write on this one. */
    @WithDefault("2s")
    Duration ttl();

    /** Entries per cache. */
    @WithDefault("10000")
    long maxSize();
}
