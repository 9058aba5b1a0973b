package io.shiporskip.badge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything badge-service can be told from outside; every value has a default that works locally. */
@ConfigMapping(prefix = "shiporskip")
public interface BadgeConfig {

    Api api();

    Site site();

    Badge badge();

    VerdictCache verdictCache();

    RenderCache renderCache();

    Counting counting();

    interface Api {
        /** Base URL of the api service (env SHIPORSKIP_API_URL). */
        @WithDefault("http://localhost:8080")
        String url();
    }

    interface Site {
        /** Base URL of the public site; click-throughs go to {base}/tool/{slug} (env SHIPORSKIP_SITE_BASE_URL). */
        @WithDefault("http://localhost:8080")
        String baseUrl();
    }

    interface Badge {
        /** Public base URL of this service, used in embed snippets (env SHIPORSKIP_BADGE_PUBLIC_URL). */
        @WithDefault("http://localhost:8081")
        String publicUrl();

        /** Cache-Control of successful badges; no-cache makes image proxies revalidate (and count) every view. */
        @WithDefault("no-cache")
        String cacheControl();

        /** cacheSeconds of the shields.io endpoint document (shields enforces at least 300). */
        @WithDefault("300")
        int shieldsCacheSeconds();
    }

    interface VerdictCache {
        /** After this, a load serves the cached verdict and refreshes it in the background. */
        @WithDefault("30s")
        Duration refreshAfter();

        /** Backstop: a verdict is never served from the main cache longer than this without a successful load. */
        @WithDefault("10m")
        Duration expireAfter();

        /** How long the last known verdict is kept for serving while api is down. */
        @WithDefault("24h")
        Duration staleFor();

        @WithDefault("10000")
        long maxSize();
    }

    interface RenderCache {
        @WithDefault("20000")
        long maxSize();
    }

    interface Counting {
        /** How often the single writer flushes the in-memory aggregate to PostgreSQL. */
        @WithDefault("1s")
        Duration flushInterval();

        /** Bound of the aggregate (distinct counter keys); increments for new keys past it are dropped and counted. */
        @WithDefault("100000")
        int maxPendingKeys();

        /** Rows per INSERT statement. */
        @WithDefault("1000")
        int batchRows();

        /** How long shutdown waits for the final flush. */
        @WithDefault("10s")
        Duration shutdownTimeout();
    }
}
