package io.shiporskip.badge.counting;

/** Who loaded it, from the User-Agent only. Stored as {@link #db}. */
public enum Source {
    GITHUB_CAMO("github-camo"),
    BOT("bot"),
    DIRECT("direct");

    public final String db;

    Source(String db) {
        this.db = db;
    }

    // Markers of crawlers and scripted fetches; a plain browser matches none of them.
    private static final String[] BOT_MARKERS = {
        "bot", "crawl", "spider", "slurp", "facebookexternalhit", "bingpreview", "headlesschrome",
        "lighthouse", "ia_archiver", "curl/", "wget/", "python-requests", "go-http-client", "scrapy"
    };

    /** Allocation-free: runs on every badge load. */
    public static Source fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return DIRECT;
        }
        if (containsIgnoreCase(userAgent, "github-camo")) {
            return GITHUB_CAMO;
        }
        for (String marker : BOT_MARKERS) {
            if (containsIgnoreCase(userAgent, marker)) {
                return BOT;
            }
        }
        return DIRECT;
    }

    static boolean containsIgnoreCase(String haystack, String lowerNeedle) {
        int n = lowerNeedle.length();
        for (int i = 0, last = haystack.length() - n; i <= last; i++) {
            if (haystack.regionMatches(true, i, lowerNeedle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
