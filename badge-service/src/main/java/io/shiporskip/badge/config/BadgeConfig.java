package io.shiporskip.badge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything badge-service can be told from outside; every value has a default that works locally. */
@ConfigMapping(prefix = "shiporskip")
public interface BadgeConfig {

    Api api();

    Site site();

    Badge badge();

    VerdictCache verdictCache();

    RenderCache renderCache();

    Counting counting();

    Makers makers();

    interface Api {
        /** Base URL of the api service (env SHIPORSKIP_API_URL). */
        @WithDefault("http://localhost:8080")
        String url();

        /**
         * Where browsers reach api (env SHIPORSKIP_API_PUBLIC_URL, the name api gives its own public URL): the maker
         * dashboard signs in there. Unset: {@link #url()}, right whenever browsers and this service reach api alike.
         */
        Optional<String> publicUrl();
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

        /** How long "api says no such tool" is remembered, so repeated unknown slugs do not each cost an api call. */
        @WithDefault("60s")
        Duration unknownTtl();

        /** Unknown slugs remembered (a separate cache, so junk slugs never push real verdicts out). */
        @WithDefault("10000")
        long unknownMaxSize();

        /**
         * api lookups of slugs this service has never seen, per client address per minute (verified image proxies
         * are exempt); past it such a slug is answered as unknown without asking api, so random slugs from one
         * client cost a bounded number of api calls.
         */
        @WithDefault("30")
        int clientLookupsPerMinute();
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

        /**
         * Counted badge and embed impressions per client and tool per minute (a client is an IPv4 address or an IPv6
         * /64); the rest are discarded.
         */
        @WithDefault("60")
        int clientImpressionsPerMinute();

        /** Counted click-throughs per client and tool per minute; the rest are discarded. */
        @WithDefault("10")
        int clientClicksPerMinute();

        /**
         * Counted badge and embed impressions per network (IPv4 /24, IPv6 /48) and tool per minute, whatever its
         * addresses: 10 × the client cap, so rotating addresses of one network gains at most tenfold.
         */
        @WithDefault("600")
        int networkImpressionsPerMinute();

        /** Counted click-throughs per network (IPv4 /24, IPv6 /48) and tool per minute: 10 × the client cap. */
        @WithDefault("100")
        int networkClicksPerMinute();

        /**
         * (client, tool) pairs whose minute windows are kept in memory, and as many (network, tool) pairs; past it
         * the least recently used are forgotten (they start a new window).
         */
        @WithDefault("100000")
        long maxTrackedClients();

        /**
         * Networks (CIDR) whose requests with a github-camo User-Agent count as {@code github-camo}; from anywhere
         * else that User-Agent is an ordinary client. Default: GitHub's published "hooks" ranges
         * (api.github.com/meta, January 2026).
         */
        @WithDefault("192.30.252.0/22,185.199.108.0/22,140.82.112.0/20,143.55.64.0/20,2a0a:a440::/29,2606:50c0::/32")
        List<String> imageProxyNetworks();

        /** Distinct referrer hosts kept per tool per UTC day; later new hosts of that tool are folded into "(other)". */
        @WithDefault("100")
        int maxReferrersPerTool();
    }

    interface Makers {
        /**
         * Front-end origins (scheme://host[:port]) whose pages may read the maker statistics route from the browser
         * (CORS). The dashboard at /makers is served by this service itself and needs no entry.
         */
        @WithDefault("http://localhost:3000,http://localhost:5173")
        List<String> corsOrigins();

        /**
         * How long api's answer about a token's rights (GET /api/me: roles and tools now) is kept before it is asked
         * again: the longest a revoked maker or a token api refuses may still read statistics on this copy.
         */
        @WithDefault("5s")
        Duration rightsTtl();

        /** Tokens whose rights are kept; past it the least recently used are asked again. */
        @WithDefault("10000")
        long rightsMaxTokens();
    }
}
