package io.shiporskip.badge.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassificationTest {

    @Test
    void sourceFromUserAgent() {
        assertEquals(Source.GITHUB_CAMO, Source.fromUserAgent("github-camo (876de43e)"));
        assertEquals(Source.GITHUB_CAMO, Source.fromUserAgent("GitHub-Camo/2.0"));
        assertEquals(Source.BOT, Source.fromUserAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        assertEquals(Source.BOT, Source.fromUserAgent("Mozilla/5.0 (compatible; bingbot/2.0)"));
        assertEquals(Source.BOT, Source.fromUserAgent("facebookexternalhit/1.1"));
        assertEquals(Source.BOT, Source.fromUserAgent("curl/8.5.0"));
        assertEquals(Source.DIRECT, Source.fromUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15"));
        assertEquals(Source.BOT, Source.fromUserAgent("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0"));
        assertEquals(Source.BOT, Source.fromUserAgent("Scrapy/2.11 (+https://scrapy.org)"));
        assertEquals(Source.BOT, Source.fromUserAgent("x YANDEXBOT y"));
        assertEquals(Source.DIRECT, Source.fromUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0"));
        assertEquals(Source.DIRECT, Source.fromUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"));
        // Issue 11: every browser sends a User-Agent, so a request without one is no human view.
        assertEquals(Source.BOT, Source.fromUserAgent(null));
        assertEquals(Source.BOT, Source.fromUserAgent(""));
    }

    @Test
    void referrerHostOnly() {
        assertEquals("github.com", Referrers.host("https://github.com/org/repo?tab=readme#top"));
        assertEquals("docs.example.com", Referrers.host("https://user:pw@Docs.Example.COM:8443/x"));
        assertEquals("", Referrers.host(null));
        assertEquals("", Referrers.host("not a url"));
        assertEquals("", Referrers.host("https://[::1]/x"));
        assertEquals("", Referrers.host("https://exa mple.com/"));
        assertEquals("", Referrers.host("https://" + "a".repeat(300) + ".com/"));
    }

    @Test
    void placements() {
        assertEquals(Placement.UNSPECIFIED, Placement.fromParam(null));
        assertEquals(Placement.README, Placement.fromParam("readme"));
        assertEquals(null, Placement.fromParam("unspecified"));
        assertEquals(null, Placement.fromParam("README"));
    }
}
