package io.shiporskip.badge.counting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loads go through HTTP; counts are read back from the real PostgreSQL table after the writer flushed. */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class CountingTest {

    static final String CAMO = "github-camo (876de43e)";
    /** camo's loads come from GitHub's network (default image-proxy ranges); the tests reach us as if through a proxy. */
    static final String GITHUB_CAMO_ADDRESS = "140.82.115.4";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final RestAssuredConfig NO_FOLLOW = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Inject
    BadgeEventCounter counter;

    static long rows(String slug, String kind, String source, String placement, String referrer) {
        return Fixtures.count("SELECT COALESCE(SUM(n), 0) FROM badges.badge_counter WHERE tool_slug = ? AND day = ? AND kind = ? "
                + "AND source = ? AND placement = ? AND referrer_host = ?",
                slug, Date.valueOf(LocalDate.now(ZoneOffset.UTC)), kind, source, placement, referrer);
    }

    static long total(String slug) {
        return Fixtures.count("SELECT COALESCE(SUM(n), 0) FROM badges.badge_counter WHERE tool_slug = ?", slug);
    }

    /** Waits until the periodic writer has flushed everything, then flushes once more to prove nothing more arrives. */
    void settle(String slug, long expectedTotal) throws InterruptedException {
        assertTrue(Fixtures.eventually(10_000, () -> total(slug) >= expectedTotal), "flushed within 10 s");
        counter.flush().await().indefinitely();
        assertEquals(expectedTotal, total(slug));
    }

    @Test
    void exactCountsPerSourcePlacementAndReferrerAfterAFlush() throws InterruptedException {
        String slug = "counted-tool";
        Fixtures.stub(Fixtures.ship(slug, "Counted Tool"));
        int camo = 37;
        int direct = 23;
        int bots = 11;
        for (int i = 0; i < camo; i++) {
            given().header("User-Agent", CAMO).header("X-Forwarded-For", GITHUB_CAMO_ADDRESS).get("/api/badge/" + slug + "?src=readme").then().statusCode(200);
        }
        for (int i = 0; i < direct; i++) {
            given().header("User-Agent", BROWSER).header("Referer", "https://Docs.Example.com:8443/path/page?q=secret#frag")
                    .get("/api/badge/" + slug + "?src=docs&style=flat").then().statusCode(200);
        }
        for (int i = 0; i < bots; i++) {
            given().header("User-Agent", GOOGLEBOT).get("/api/badge/" + slug).then().statusCode(200);
        }
        // 304s are views too.
        String etag = given().header("User-Agent", CAMO).header("X-Forwarded-For", GITHUB_CAMO_ADDRESS).get("/api/badge/" + slug + "?src=readme").then().extract().header("ETag");
        given().header("User-Agent", CAMO).header("X-Forwarded-For", GITHUB_CAMO_ADDRESS).header("If-None-Match", etag).get("/api/badge/" + slug + "?src=readme").then().statusCode(304);

        settle(slug, camo + direct + bots + 2);
        assertEquals(camo + 2, rows(slug, "badge", "github-camo", "readme", ""));
        assertEquals(direct, rows(slug, "badge", "direct", "docs", "docs.example.com"));
        assertEquals(bots, rows(slug, "badge", "bot", "unspecified", ""));
    }

    @Test
    void embedsAndClicksAreCountedByKind() throws InterruptedException {
        String slug = "kinds-tool";
        Fixtures.stub(Fixtures.ship(slug, "Kinds Tool"));
        for (int i = 0; i < 5; i++) {
            given().header("User-Agent", BROWSER).header("Referer", "https://blog.example/post").get("/embed/" + slug).then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            given().config(NO_FOLLOW).header("User-Agent", BROWSER).get("/api/badge-click/" + slug + "?src=embed").then().statusCode(302);
        }
        settle(slug, 8);
        // The widget is placement "embed" when its URL names none, like the clicks from it (issue 13).
        assertEquals(5, rows(slug, "embed", "direct", "embed", "blog.example"));
        assertEquals(3, rows(slug, "click", "direct", "embed", ""));
    }

    @Test
    @InvalidRequests("a via that is not a host name, and via given twice")
    void aClickFromInsideTheWidgetIsCreditedToTheSiteThatFramedIt() throws InterruptedException {
        String slug = "framed-tool";
        Fixtures.stub(Fixtures.ship(slug, "Framed Tool"));
        String widget = BadgeTestResources.PUBLIC + "/embed/" + slug + "?theme=dark&src=embed";
        // The widget's load: the framing page is its Referer, and its link carries that host.
        String html = given().header("User-Agent", BROWSER).header("Referer", "https://Blog.Example/posts/1?utm=x")
                .get("/embed/" + slug + "?theme=dark&src=embed").then().statusCode(200).extract().asString();
        String link = BadgeTestResources.PUBLIC + "/api/badge-click/" + slug + "?src=embed&amp;via=blog.example";
        assertTrue(html.contains("href=\"" + link + "\""), html);
        // The click from inside the frame: its Referer is the widget itself.
        given().config(NO_FOLLOW).urlEncodingEnabled(false).header("User-Agent", BROWSER).header("Referer", widget)
                .get("/api/badge-click/" + slug + "?src=embed&via=blog.example").then().statusCode(302);
        // A widget click without via is credited to no host, never to the badge service's own.
        given().config(NO_FOLLOW).header("User-Agent", BROWSER).header("Referer", BadgeTestResources.PUBLIC + "/embed/" + slug)
                .get("/api/badge-click/" + slug + "?src=embed").then().statusCode(302);
        // via from anywhere else is ignored: a link on another page cannot claim a host.
        given().config(NO_FOLLOW).urlEncodingEnabled(false).header("User-Agent", BROWSER).header("Referer", "https://other.example/page")
                .get("/api/badge-click/" + slug + "?src=embed&via=blog.example").then().statusCode(302);
        // ...nor from another tool's widget, nor a lookalike path.
        given().config(NO_FOLLOW).urlEncodingEnabled(false).header("User-Agent", BROWSER)
                .header("Referer", BadgeTestResources.PUBLIC + "/embed/" + slug + "-other?src=embed")
                .get("/api/badge-click/" + slug + "?src=embed&via=blog.example").then().statusCode(302);
        // Only a host name: anything else in via counts as no host.
        given().config(NO_FOLLOW).urlEncodingEnabled(false).header("User-Agent", BROWSER).header("Referer", widget)
                .get("/api/badge-click/" + slug + "?src=embed&via=evil.example%2Fpath").then().statusCode(302);
        given().config(NO_FOLLOW).urlEncodingEnabled(false).header("User-Agent", BROWSER).header("Referer", widget)
                .get("/api/badge-click/" + slug + "?src=embed&via=a.example&via=b.example").then().statusCode(302);
        settle(slug, 7);
        assertEquals(1, rows(slug, "embed", "direct", "embed", "blog.example"));
        assertEquals(1, rows(slug, "click", "direct", "embed", "blog.example"));
        assertEquals(3, rows(slug, "click", "direct", "embed", ""));
        assertEquals(1, rows(slug, "click", "direct", "embed", "other.example"));
        assertEquals(1, rows(slug, "click", "direct", "embed", "badges.example"), "a click from another tool's widget: its Referer's host");
    }

    @Test
    @InvalidRequests("an unknown style")
    void errorsAndBadInputAreNotCounted() throws InterruptedException {
        Fixtures.stubUnknown("uncounted-ghost");
        given().get("/api/badge/uncounted-ghost").then().statusCode(404);
        given().get("/api/badge/uncounted-ghost?style=nope").then().statusCode(400);
        counter.flush().await().indefinitely();
        Thread.sleep(300);
        assertEquals(0, total("uncounted-ghost"));
    }

    @Test
    void aFailedFlushKeepsItsIncrementsAndRetries() throws InterruptedException {
        String slug = "retry-tool";
        Fixtures.stub(Fixtures.ship(slug, "Retry Tool"));
        // Make every write fail for a while: the table is not where the writer looks.
        Fixtures.execute("ALTER TABLE badges.badge_counter RENAME TO badge_counter_away");
        try {
            for (int i = 0; i < 25; i++) {
                given().header("User-Agent", BROWSER).get("/api/badge/" + slug).then().statusCode(200);
            }
            counter.flush().await().indefinitely();
            Thread.sleep(500); // several periodic flushes fail meanwhile
            assertTrue(counter.pendingIncrements() >= 25, "increments kept: " + counter.pendingIncrements());
        } finally {
            Fixtures.execute("ALTER TABLE badges.badge_counter_away RENAME TO badge_counter");
        }
        settle(slug, 25);
        assertEquals(25, rows(slug, "badge", "direct", "unspecified", ""));
    }

    @Test
    void noAddressesOrUserAgentsAreStored() {
        List<String> columns = List.of("tool_slug", "day", "kind", "source", "placement", "referrer_host", "discard_reason", "n");
        assertEquals(columns.size(), Fixtures.count(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'badges' AND table_name = 'badge_counter'"));
        for (String column : columns) {
            assertEquals(1, Fixtures.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'badges' "
                    + "AND table_name = 'badge_counter' AND column_name = ?", column), column);
        }
    }
}
