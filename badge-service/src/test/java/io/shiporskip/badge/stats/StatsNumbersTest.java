package io.shiporskip.badge.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import io.shiporskip.badge.counting.BadgeEventCounter;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numbers a maker sees: equal to the loads and clicks made through the real routes (after the write-behind
 * flush), or to rows put in the real table for past days. Each test has a tool slug of its own.
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class StatsNumbersTest {

    static final String CAMO = "github-camo (876de43e)";
    /** camo's loads come from GitHub's network (default image-proxy ranges); the tests reach us as if through a proxy. */
    static final String GITHUB_CAMO_ADDRESS = "140.82.115.4";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final RestAssuredConfig NO_FOLLOW = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Inject
    BadgeEventCounter counter;

    static long total(String slug) {
        return Fixtures.count("SELECT COALESCE(SUM(n), 0) FROM badges.badge_counter WHERE tool_slug = ?", slug);
    }

    static void insert(String slug, LocalDate day, String kind, String source, String placement, String referrer, long n) {
        Fixtures.execute("INSERT INTO badges.badge_counter (tool_slug, day, kind, source, placement, referrer_host, n) VALUES ('"
                + slug + "', DATE '" + day + "', '" + kind + "', '" + source + "', '" + placement + "', '" + referrer + "', " + n + ")");
    }

    static JsonPath stats(String slug, String query) {
        return given().header("Authorization", "Bearer " + TestTokens.maker(slug)).accept("application/json")
                .get("/api/makers/tools/" + slug + "/stats" + query)
                .then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();
    }

    static void assertSplit(JsonPath json, String path, long direct, long camo, long bot) {
        assertEquals(direct, json.getLong(path + ".direct"), path + ".direct");
        assertEquals(camo, json.getLong(path + ".githubCamo"), path + ".githubCamo");
        assertEquals(bot, json.getLong(path + ".bot"), path + ".bot");
        assertEquals(direct + camo + bot, json.getLong(path + ".total"), path + ".total");
    }

    @Test
    void statsEqualTheLoadsAndClicksMadeThroughTheRoutes() throws InterruptedException {
        String slug = "stats-counted-tool";
        Fixtures.stub(Fixtures.ship(slug, "Stats Counted Tool"));
        for (int i = 0; i < 7; i++) {
            given().header("User-Agent", CAMO).header("X-Forwarded-For", GITHUB_CAMO_ADDRESS).get("/api/badge/" + slug + "?src=readme").then().statusCode(200);
        }
        for (int i = 0; i < 5; i++) {
            given().header("User-Agent", BROWSER).header("Referer", "https://Docs.Example.com/guide?x=1")
                    .get("/api/badge/" + slug + "?src=docs").then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            given().header("User-Agent", GOOGLEBOT).get("/api/badge/" + slug).then().statusCode(200);
        }
        for (int i = 0; i < 4; i++) {
            given().header("User-Agent", BROWSER).header("Referer", "https://blog.example/post").get("/embed/" + slug + "?src=site")
                    .then().statusCode(200);
        }
        for (int i = 0; i < 2; i++) {
            given().header("User-Agent", GOOGLEBOT).get("/embed/" + slug).then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            given().config(NO_FOLLOW).header("User-Agent", BROWSER).header("Referer", "https://blog.example/post")
                    .get("/api/badge-click/" + slug + "?src=embed").then().statusCode(302);
        }
        for (int i = 0; i < 2; i++) {
            given().config(NO_FOLLOW).header("User-Agent", BROWSER).get("/api/badge-click/" + slug + "?src=readme").then().statusCode(302);
        }
        long events = 7 + 5 + 3 + 4 + 2 + 3 + 2;
        assertTrue(Fixtures.eventually(10_000, () -> total(slug) >= events), "flushed within 10 s");
        counter.flush().await().indefinitely();
        assertEquals(events, total(slug));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath json = stats(slug, "");
        assertEquals(slug, json.getString("tool.slug"));
        assertEquals("Stats Counted Tool", json.getString("tool.name"));
        assertEquals(today.minusDays(29).toString(), json.getString("from"));
        assertEquals(today.toString(), json.getString("to"));
        assertSplit(json, "totals.badge", 5, 7, 3);
        assertSplit(json, "totals.embed", 4, 0, 2);
        assertEquals(5 + 7 + 4, json.getLong("totals.humanImpressions"));
        assertEquals(5, json.getLong("totals.clicks"));
        assertEquals(5.0 / 16, json.getDouble("totals.clickThroughRate"), 1e-9);

        List<Map<String, Object>> days = json.getList("days");
        assertEquals(30, days.size());
        for (int i = 0; i < 29; i++) {
            assertEquals(today.minusDays(29 - i).toString(), json.getString("days[" + i + "].day"));
            assertEquals(0, json.getLong("days[" + i + "].counts.badge.total") + json.getLong("days[" + i + "].counts.embed.total")
                    + json.getLong("days[" + i + "].counts.clicks"), "no events on " + json.getString("days[" + i + "].day"));
            assertNull(json.get("days[" + i + "].counts.clickThroughRate"));
        }
        assertEquals(today.toString(), json.getString("days[29].day"));
        assertEquals((Object) json.getMap("totals"), json.getMap("days[29].counts"));

        // Referrer hosts (lower-cased, path dropped; none → null), by impressions + clicks.
        assertEquals(3, json.getList("referrers").size());
        assertReferrer(json, 0, null, 7 + 3 + 2, 2);
        assertReferrer(json, 1, "blog.example", 4, 3);
        assertReferrer(json, 2, "docs.example.com", 5, 0);

        // The widget loaded without src is placement "embed", like the clicks from it (issue 13): most events first,
        // ties by name.
        assertEquals(5, json.getList("placements").size());
        assertPlacement(json, 0, "readme", 7, 2);
        assertPlacement(json, 1, "docs", 5, 0);
        assertPlacement(json, 2, "embed", 2, 3);
        assertPlacement(json, 3, "site", 4, 0);
        assertPlacement(json, 4, "unspecified", 3, 0);

        // The CSV's row for today carries the same numbers.
        String csv = given().header("Authorization", "Bearer " + TestTokens.admin()).accept("text/csv")
                .get("/api/makers/tools/" + slug + "/stats").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n", -1);
        assertEquals(32, lines.length, "header, 30 days, empty after the last line end");
        // ... then impressions by placement: readme, site, docs, other, embed, unspecified.
        assertEquals(slug + "," + today + ",5,7,3,4,0,2,16,5,0.3125,0,7,4,5,0,2,3,0,0,0,0,0", lines[30]);
        // The JSON's day carries the same placements, every one in a fixed order, clicks too.
        assertEquals(List.of("readme", "site", "docs", "other", "embed", "unspecified"), json.getList("days[29].placements.placement"));
        assertEquals(List.of(7, 4, 5, 0, 2, 3), json.getList("days[29].placements.impressions"));
        assertEquals(List.of(2, 0, 0, 0, 3, 0), json.getList("days[29].placements.clicks"));
        assertEquals(List.of(0, 0, 0, 0, 0, 0), json.getList("days[0].placements.impressions"));
    }

    static void assertReferrer(JsonPath json, int i, String host, long impressions, long clicks) {
        assertEquals(host, json.getString("referrers[" + i + "].host"), "referrers[" + i + "]");
        assertEquals(impressions, json.getLong("referrers[" + i + "].impressions"), "referrers[" + i + "].impressions");
        assertEquals(clicks, json.getLong("referrers[" + i + "].clicks"), "referrers[" + i + "].clicks");
    }

    static void assertPlacement(JsonPath json, int i, String placement, long impressions, long clicks) {
        assertEquals(placement, json.getString("placements[" + i + "].placement"), "placements[" + i + "]");
        assertEquals(impressions, json.getLong("placements[" + i + "].impressions"), "placements[" + i + "].impressions");
        assertEquals(clicks, json.getLong("placements[" + i + "].clicks"), "placements[" + i + "].clicks");
    }

    @Test
    void anExplicitRangeHasEveryDayAndOnlyItsDays() {
        String slug = "stats-history-tool";
        Fixtures.stub(Fixtures.ship(slug, "Stats History Tool"));
        LocalDate d0 = LocalDate.parse("2025-01-31");
        insert(slug, d0.minusDays(1), "badge", "direct", "readme", "", 100); // before the range
        insert(slug, d0, "badge", "direct", "readme", "", 10);
        insert(slug, d0, "click", "direct", "readme", "", 4);
        insert(slug, d0.plusDays(2), "embed", "github-camo", "site", "x.example", 6);
        insert(slug, d0.plusDays(4), "badge", "bot", "readme", "", 100); // after the range
        insert("stats-history-other", d0, "badge", "direct", "readme", "", 1000); // another tool

        JsonPath json = stats(slug, "?from=2025-01-31&to=2025-02-03");
        assertEquals("2025-01-31", json.getString("from"));
        assertEquals("2025-02-03", json.getString("to"));
        assertSplit(json, "totals.badge", 10, 0, 0);
        assertSplit(json, "totals.embed", 0, 6, 0);
        assertEquals(16, json.getLong("totals.humanImpressions"));
        assertEquals(4, json.getLong("totals.clicks"));
        assertEquals(0.25, json.getDouble("totals.clickThroughRate"), 1e-9);
        assertEquals(List.of("2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03"), json.getList("days.day"));
        assertEquals(0.4, json.getDouble("days[0].counts.clickThroughRate"), 1e-9);
        assertSplit(json, "days[1].counts.badge", 0, 0, 0);
        assertNull(json.get("days[1].counts.clickThroughRate"));
        assertEquals(6, json.getLong("days[2].counts.humanImpressions"));
        assertEquals(10, json.getLong("days[0].placements[0].impressions"), "readme impressions of the first day");
        assertEquals(4, json.getLong("days[0].placements[0].clicks"), "readme clicks of the first day");
        assertEquals(6, json.getLong("days[2].placements[1].impressions"), "site impressions of the third day");
        assertEquals(0.0, json.getDouble("days[2].counts.clickThroughRate"), 1e-9);

        String csv = given().header("Authorization", "Bearer " + TestTokens.maker(slug)).accept("text/csv")
                .get("/api/makers/tools/" + slug + "/stats?from=2025-01-31&to=2025-02-03")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + slug + "-stats-2025-01-31-2025-02-03.csv\""))
                .extract().asString();
        assertEquals("tool,day,badge_direct,badge_github_camo,badge_bot,embed_direct,embed_github_camo,embed_bot,"
                + "human_impressions,clicks,click_through_rate,discarded,"
                + "impressions_readme,impressions_site,impressions_docs,impressions_other,impressions_embed,impressions_unspecified,"
                + "discarded_client_cap,discarded_network_cap,discarded_not_navigation,discarded_own_page,discarded_unrecorded\r\n"
                + slug + ",2025-01-31,10,0,0,0,0,0,10,4,0.4,0,10,0,0,0,0,0,0,0,0,0,0\r\n"
                + slug + ",2025-02-01,0,0,0,0,0,0,0,0,,0,0,0,0,0,0,0,0,0,0,0,0\r\n"
                + slug + ",2025-02-02,0,0,0,0,6,0,6,0,0.0,0,0,6,0,0,0,0,0,0,0,0,0\r\n"
                + slug + ",2025-02-03,0,0,0,0,0,0,0,0,,0,0,0,0,0,0,0,0,0,0,0,0\r\n", csv);
    }

    @Test
    void defaultRangeIsTheLast30DaysEndingTodayUtc() {
        String slug = "stats-range-tool";
        Fixtures.stub(Fixtures.ship(slug, "Stats Range Tool"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        insert(slug, today.minusDays(30), "badge", "direct", "readme", "", 50); // one day too old
        insert(slug, today.minusDays(29), "badge", "direct", "readme", "", 3);
        insert(slug, today, "badge", "direct", "readme", "", 1);
        JsonPath json = stats(slug, "");
        assertEquals(today.minusDays(29).toString(), json.getString("from"));
        assertEquals(today.toString(), json.getString("to"));
        assertEquals(30, json.getList("days").size());
        assertEquals(4, json.getLong("totals.badge.direct"));
        assertEquals(3, json.getLong("days[0].counts.badge.direct"));

        // Only "to" given: the 30 days ending there.
        JsonPath ending = stats(slug, "?to=" + today.minusDays(1));
        assertEquals(today.minusDays(30).toString(), ending.getString("from"));
        assertEquals(53, ending.getLong("totals.badge.direct"));
        // Only "from" given: from there to today.
        JsonPath since = stats(slug, "?from=" + today.minusDays(2));
        assertEquals(3, since.getList("days").size());
        assertEquals(1, since.getLong("totals.badge.direct"));
    }

    @Test
    void topTenReferrerHostsByCount() {
        String slug = "stats-referrers-tool";
        Fixtures.stub(Fixtures.ship(slug, "Stats Referrers Tool"));
        LocalDate day = LocalDate.parse("2025-06-01");
        for (int i = 1; i <= 12; i++) {
            insert(slug, day, "badge", "direct", "site", "host" + i + ".example", i);
        }
        JsonPath json = stats(slug, "?from=2025-06-01&to=2025-06-01");
        assertEquals(10, json.getList("referrers").size());
        for (int i = 0; i < 10; i++) {
            assertReferrer(json, i, "host" + (12 - i) + ".example", 12 - i, 0);
        }
        assertEquals(78, json.getLong("totals.badge.direct"), "totals still count every host");
    }

    @Test
    @InvalidRequests("malformed and impossible dates, ranges too long or reversed")
    void badDatesAndRangesAre400sNamingTheParameter() {
        String slug = "stats-dates-tool";
        Fixtures.stub(Fixtures.ship(slug, "Stats Dates Tool"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String[][] cases = {
                {"?from=2025-13-01", "from"},
                {"?from=2025-02-30", "from"},
                {"?from=yesterday", "from"},
                {"?from=2025-1-5", "from"},
                {"?from=%2B12025-01-01", "from"},
                {"?to=2025-02-29", "to"},
                {"?to=20250101", "to"},
                {"?from=2025-01-01&from=2025-01-02&to=2025-01-03", "from"},
                {"?from=2025-01-03&to=2025-01-02", "from"},
                {"?from=" + today.plusDays(1), "from"}, // after the default "to" (today)
                {"?from=2024-01-01&to=2025-01-01", "from"}, // 367 days
        };
        for (String[] c : cases) {
            for (String accept : new String[] {"application/json", "text/csv"}) {
                try {
                    // Sent as written: the cases are already URL-encoded.
                    given().urlEncodingEnabled(false).header("Authorization", "Bearer " + TestTokens.maker(slug)).accept(accept)
                            .get("/api/makers/tools/" + slug + "/stats" + c[0])
                            .then().statusCode(400).contentType(startsWith("application/problem+json"))
                            .body("status", equalTo(400)).body("errors[0].field", equalTo(c[1]));
                } catch (AssertionError e) {
                    throw new AssertionError(c[0] + " (" + accept + "): " + e.getMessage(), e);
                }
            }
        }
        // An empty field, as a form sends it, means "not given": the default range.
        assertEquals(today.minusDays(29).toString(), stats(slug, "?from=&to=").getString("from"));
        // 366 days is the most allowed (2024 is a leap year).
        assertEquals(366, stats(slug, "?from=2024-01-01&to=2024-12-31").getList("days").size());
        given().header("Authorization", "Bearer " + TestTokens.admin()).get("/api/makers/tools/Not_A_Slug/stats")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("slug"));
    }
}
