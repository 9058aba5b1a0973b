package io.shiporskip.badge.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.TestClock;
import io.shiporskip.badge.counting.BadgeEventCounter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 with the default rules (60 impressions and 10 clicks per client and tool a minute): windows that restart
 * under steady use (moved with {@link TestClock}, never slept through), our own pages counted nowhere, referrers a
 * flood cannot push out, and every discard with its reason.
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class HonestNumbersTest {

    static final String BROWSER = StatsNumbersTest.BROWSER;
    static final String NAVIGATE = "navigate";

    @Inject
    BadgeEventCounter counter;

    @Inject
    TestClock clock;

    static RequestSpecification from(String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).header("User-Agent", BROWSER);
    }

    JsonPath statsAfter(String slug, long events) throws InterruptedException {
        assertTrue(Fixtures.eventually(10_000, () -> StatsNumbersTest.total(slug) >= events), "flushed within 10 s");
        counter.flush().await().indefinitely();
        assertEquals(events, StatsNumbersTest.total(slug), "every request served is stored, counted or discarded");
        return StatsNumbersTest.stats(slug, "");
    }

    static void assertDiscards(JsonPath json, String path, long clientCap, long networkCap, long notNavigation, long ownPage) {
        assertEquals(clientCap, json.getLong(path + ".discardedBy.clientCap"), path + " clientCap");
        assertEquals(networkCap, json.getLong(path + ".discardedBy.networkCap"), path + " networkCap");
        assertEquals(notNavigation, json.getLong(path + ".discardedBy.notNavigation"), path + " notNavigation");
        assertEquals(ownPage, json.getLong(path + ".discardedBy.ownPage"), path + " ownPage");
        assertEquals(0, json.getLong(path + ".discardedBy.unrecorded"), path + " unrecorded");
        assertEquals(clientCap + networkCap + notNavigation + ownPage, json.getLong(path + ".discarded"), path + " discarded");
    }

    @Test
    void fiftyLoadsThenMoreThanAMinuteLaterFiftyMoreAreAHundredCounted() throws InterruptedException {
        String slug = "window-office-tool";
        Fixtures.stub(Fixtures.ship(slug, "Window Office Tool"));
        // The reproduction: one shared address (an office), 50 loads, a pause of 65 s, 50 more.
        for (int i = 0; i < 50; i++) {
            from("198.51.100.120").get("/api/badge/" + slug + "?src=site").then().statusCode(200);
        }
        clock.advance(Duration.ofSeconds(65));
        for (int i = 0; i < 50; i++) {
            from("198.51.100.120").get("/api/badge/" + slug + "?src=site").then().statusCode(200);
        }
        // Clicks too: 10 a window, and the window comes back while the reader keeps clicking.
        for (int i = 0; i < 12; i++) {
            from("198.51.100.120").header("Sec-Fetch-Mode", NAVIGATE).get("/api/badge-click/" + slug).then().statusCode(302);
        }
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 10; i++) {
            from("198.51.100.120").header("Sec-Fetch-Mode", NAVIGATE).get("/api/badge-click/" + slug).then().statusCode(302);
        }
        JsonPath json = statsAfter(slug, 122);
        assertEquals(100, json.getLong("totals.humanImpressions"), "100 counted, as the rules say (60 before the fix)");
        assertEquals(20, json.getLong("totals.clicks"));
        assertDiscards(json, "totals", 2, 0, 0, 0);
        assertDiscards(json, "days[29].counts", 2, 0, 0, 0);
    }

    @Test
    void theReviewPagesOwnPreviewsCountNowhereAndTheirLinkIsNoClick() throws InterruptedException {
        String slug = "own-page-tool";
        Fixtures.stub(Fixtures.ship(slug, "Own Page Tool"));
        String reviewPage = BadgeTestResources.SITE + "/tool/" + slug;
        String review = BadgeTestResources.SITE + "/tool/" + slug + "?utm_source=shiporskip-badge&utm_medium=badge&utm_campaign=" + slug;
        int n = 7;
        for (int i = 0; i < n; i++) {
            // What api's /tool/{slug} and /compare pages load: marked as ours, from our site.
            from("198.51.100.130").header("Referer", reviewPage).get("/api/badge/" + slug + "?preview=own").then().statusCode(200);
            String widget = from("198.51.100.130").header("Referer", reviewPage).get("/embed/" + slug + "?preview=own")
                    .then().statusCode(200).extract().asString();
            assertTrue(widget.contains("href=\"" + review.replace("&", "&amp;") + "\""), "the preview links straight to the review: " + widget);
            assertFalse(widget.contains("/api/badge-click/"), widget);
        }
        // Without the marker, a Referer on our site (or this service, e.g. the dashboard) is ours too.
        from("198.51.100.131").header("Referer", reviewPage).get("/api/badge/" + slug).then().statusCode(200);
        from("198.51.100.131").header("Referer", BadgeTestResources.PUBLIC + "/makers").get("/api/badge/" + slug).then().statusCode(200);
        // A click from a page of our site, and from a widget framed by our site, is no click-through.
        from("198.51.100.131").header("Referer", reviewPage).get("/api/badge-click/" + slug).then().statusCode(302)
                .header("Location", review);
        String framedBySite = "/api/badge-click/" + slug + "?src=embed&via=" + java.net.URI.create(BadgeTestResources.SITE).getHost();
        from("198.51.100.131").header("Referer", BadgeTestResources.PUBLIC + "/embed/" + slug + "?src=embed").get(framedBySite)
                .then().statusCode(302);
        // A real embed on someone else's site still counts, badge, widget and click.
        from("198.51.100.132").header("Referer", "https://blog.example/post").get("/api/badge/" + slug).then().statusCode(200);
        from("198.51.100.132").header("Referer", "https://blog.example/post").get("/embed/" + slug).then().statusCode(200);
        from("198.51.100.132").header("Referer", "https://blog.example/post").header("Sec-Fetch-Mode", NAVIGATE)
                .get("/api/badge-click/" + slug).then().statusCode(302);

        JsonPath json = statsAfter(slug, 2 * n + 4 + 3);
        assertEquals(2, json.getLong("totals.humanImpressions"), "only the third-party badge and widget");
        assertEquals(1, json.getLong("totals.clicks"));
        assertDiscards(json, "totals", 0, 0, 0, 2 * n + 4);
        List<String> hosts = json.getList("referrers.host");
        assertEquals(List.of("blog.example"), hosts, "our own hosts are never a referrer");

        String csv = given().header("Authorization", "Bearer " + TestTokens.maker(slug)).accept("text/csv")
                .get("/api/makers/tools/" + slug + "/stats").then().statusCode(200).extract().asString();
        String[] today = csv.split("\r\n")[30].split(",");
        assertEquals(String.valueOf(2 * n + 4), today[StatsCsv.HEADER.indexOf("discarded_own_page")]);
        assertEquals(String.valueOf(2 * n + 4), today[StatsCsv.HEADER.indexOf("discarded")]);
        assertEquals("0", today[StatsCsv.HEADER.indexOf("discarded_client_cap")]);
    }

    @Test
    void aBlogWithAHandfulOfRealLoadsStaysVisibleAfterAFloodOfOneOffReferrers() throws InterruptedException {
        String slug = "referrer-flood-tool";
        Fixtures.stub(Fixtures.ship(slug, "Referrer Flood Tool"));
        // The attack: 121 one-off Referer hosts from a few addresses in seconds filled the 100-host table.
        String[] attackers = {"203.0.113.140", "203.0.114.140", "203.0.115.140"};
        for (int i = 0; i < 121; i++) {
            from(attackers[i % 3]).header("Referer", "https://spam" + i + ".example/").get("/api/badge/" + slug).then().statusCode(200);
        }
        // Then a real blog's readers.
        for (int i = 0; i < 4; i++) {
            from("198.51.100.141").header("Referer", "https://realblog.example/post").get("/api/badge/" + slug).then().statusCode(200);
        }
        JsonPath json = statsAfter(slug, 125);
        List<String> hosts = json.getList("referrers.host");
        assertEquals("(other)", hosts.get(0), hosts.toString());
        assertEquals("realblog.example", hosts.get(1), "the blog is named, right after the folded flood: " + hosts);
        assertEquals(3, json.getLong("referrers[1].impressions"), "its first load proved nothing yet; the next three are its own");
    }
}
