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
    /** Markers by their first letter, so one pass over the User-Agent tries only plausible ones. */
    private static final String[][] BY_FIRST = new String[26][];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            char first = c;
            BY_FIRST[c - 'a'] = java.util.Arrays.stream(BOT_MARKERS).filter(m -> m.charAt(0) == first).toArray(String[]::new);
        }
    }

    /** Allocation-free and one pass over the header: runs on every badge load. */
    public static Source fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return DIRECT;
        }
        if (userAgent.regionMatches(true, 0, "github-camo", 0, 11) || containsIgnoreCase(userAgent, "github-camo")) {
            return GITHUB_CAMO;
        }
        for (int i = 0, n = userAgent.length(); i < n; i++) {
            char c = userAgent.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c < 'a' || c > 'z') {
                continue;
            }
            for (String marker : BY_FIRST[c - 'a']) {
                if (userAgent.regionMatches(true, i, marker, 0, marker.length())) {
                    return BOT;
                }
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
