package io.shiporskip.badge.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.shiporskip.badge.AbuseLimitsProfile;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.counting.BadgeEventCounter;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: counts that resist inflation and say what they discarded, through the real routes and the maker's stats.
 * Clients are told apart by X-Forwarded-For (the test profile trusts it, as behind a reverse proxy); caps are small
 * ({@link AbuseLimitsProfile}). Every test has tools and client addresses of its own.
 */
@QuarkusTest
@TestProfile(AbuseLimitsProfile.class)
@WithTestResource(BadgeTestResources.class)
class HonestCountsTest {

    static final String BROWSER = StatsNumbersTest.BROWSER;
    static final String FAKE_CAMO = "github-camo (fake)";
    static final int CAP = AbuseLimitsProfile.IMPRESSIONS;
    static final int CLICK_CAP = AbuseLimitsProfile.CLICKS;

    @Inject
    BadgeEventCounter counter;

    static RequestSpecification from(String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address);
    }

    /** Waits for the write-behind flush of {@code events} rows' worth of increments, then reads the maker's stats. */
    JsonPath statsAfter(String slug, long events) throws InterruptedException {
        assertTrue(Fixtures.eventually(10_000, () -> StatsNumbersTest.total(slug) >= events), "flushed within 10 s");
        counter.flush().await().indefinitely();
        assertEquals(events, StatsNumbersTest.total(slug), "every request served is stored, counted or discarded");
        return StatsNumbersTest.stats(slug, "");
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double metric(String text, String line) {
        for (String l : text.split("\n")) {
            if (l.startsWith(line)) {
                return Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void eachClientCountsAtMostTheCapPerToolAndMinuteTheRestIsDiscardedAndShown() throws InterruptedException {
        String slug = "honest-cap-tool";
        String other = "honest-cap-other";
        Fixtures.stub(Fixtures.ship(slug, "Honest Cap Tool"));
        Fixtures.stub(Fixtures.ship(other, "Honest Cap Other"));
        String discardedBadges = "badge_counting_discarded_total{kind=\"badge\",reason=\"client-cap\"";
        String discardedEmbeds = "badge_counting_discarded_total{kind=\"embed\",reason=\"client-cap\"";
        String m0 = metrics();
        double badgesBefore = metric(m0, discardedBadges);
        double embedsBefore = metric(m0, discardedEmbeds);
        // One client: 20 badges and 4 widgets, every one served as usual.
        for (int i = 0; i < 20; i++) {
            from("198.51.100.7").header("User-Agent", BROWSER).get("/api/badge/" + slug + "?src=readme").then().statusCode(200);
        }
        for (int i = 0; i < 4; i++) {
            from("198.51.100.7").header("User-Agent", BROWSER).get("/embed/" + slug).then().statusCode(200);
        }
        // Another client, and the same client on another tool, have caps of their own.
        for (int i = 0; i < 2; i++) {
            from("198.51.100.8").header("User-Agent", BROWSER).get("/api/badge/" + slug).then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            from("198.51.100.7").header("User-Agent", BROWSER).get("/api/badge/" + other).then().statusCode(200);
        }

        JsonPath json = statsAfter(slug, 26);
        long counted = json.getLong("totals.badge.total") + json.getLong("totals.embed.total");
        assertEquals(CAP + 2, counted, "the flooding client's first " + CAP + " loads and the other client's 2");
        assertEquals(24 - CAP, json.getLong("totals.discarded"));
        assertEquals(24 - CAP, json.getLong("days[29].counts.discarded"));
        assertEquals(CAP + 2, json.getLong("totals.humanImpressions"));
        // Discards are in no other figure: placements and referrers describe counted events only.
        long placed = 0;
        for (int i = 0; i < json.getList("placements").size(); i++) {
            placed += json.getLong("placements[" + i + "].impressions");
        }
        assertEquals(counted, placed);
        assertEquals(3, statsAfter(other, 3).getLong("totals.badge.direct"));

        String csv = given().header("Authorization", "Bearer " + TestTokens.maker(slug)).accept("text/csv")
                .get("/api/makers/tools/" + slug + "/stats").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith(String.join(",", StatsCsv.HEADER) + "\r\n"));
        // The discarded column (placement columns follow it since issue 14).
        assertEquals(String.valueOf(24 - CAP), csv.split("\r\n")[30].split(",")[StatsCsv.HEADER.indexOf("discarded")], csv.split("\r\n")[30]);
        // Discards are a metric too: the badges past the cap, then all 4 widgets (the cap was spent).
        String m1 = metrics();
        assertEquals(20 - CAP, metric(m1, discardedBadges) - badgesBefore, 1e-9);
        assertEquals(4, metric(m1, discardedEmbeds) - embedsBefore, 1e-9);
    }

    @Test
    void camoUserAgentIsCamoOnlyFromImageProxyNetworksElsewhereAnOrdinaryCappedClient() throws InterruptedException {
        String slug = "honest-camo-tool";
        Fixtures.stub(Fixtures.ship(slug, "Honest Camo Tool"));
        for (int i = 0; i < 12; i++) {
            from("203.0.113.9").header("User-Agent", FAKE_CAMO).get("/api/badge/" + slug).then().statusCode(200);
        }
        // GitHub's camo (default networks, IPv4 and IPv6): every reader behind it counts, no cap.
        for (int i = 0; i < 9; i++) {
            from("140.82.115.4").header("User-Agent", "github-camo (876de43e)").get("/api/badge/" + slug).then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            from("2606:50c0:8000::154").header("User-Agent", "github-camo (876de43e)").get("/api/badge/" + slug).then().statusCode(200);
        }
        // No X-Forwarded-For: the connection's own address (loopback) is no image proxy either.
        given().header("User-Agent", FAKE_CAMO).get("/api/badge/" + slug).then().statusCode(200);

        JsonPath json = statsAfter(slug, 25);
        assertEquals(12, json.getLong("totals.badge.githubCamo"));
        assertEquals(CAP + 1, json.getLong("totals.badge.direct"));
        assertEquals(12 - CAP, json.getLong("totals.discarded"));
    }

    @Test
    void aRequestWithoutUserAgentIsABotAndCapped() throws Exception {
        String slug = "honest-no-ua-tool";
        Fixtures.stub(Fixtures.ship(slug, "Honest No UA Tool"));
        for (int i = 0; i < CAP + 3; i++) {
            assertEquals(200, rawStatus("/api/badge/" + slug, "X-Forwarded-For: 198.51.100.30"));
        }
        JsonPath json = statsAfter(slug, CAP + 3);
        assertEquals(CAP, json.getLong("totals.badge.bot"));
        assertEquals(0, json.getLong("totals.badge.direct"));
        assertEquals(0, json.getLong("totals.humanImpressions"));
        assertEquals(3, json.getLong("totals.discarded"));
    }

    @Test
    void onlyTopLevelNavigationsAreClicksAndEveryClickStillRedirects() throws InterruptedException {
        String slug = "honest-click-tool";
        Fixtures.stub(Fixtures.ship(slug, "Honest Click Tool"));
        String location = BadgeTestResources.SITE + "/tool/" + slug + "?utm_source=shiporskip-badge&utm_medium=badge&utm_campaign=" + slug;
        String[][] notNavigations = {
                {"navigate", "iframe"}, // the click URL loaded in a frame
                {"no-cors", "image"}, // ...or as an image
                {"cors", "empty"}, // ...or fetched by a script
                {"navigate", "frame"},
                {"no-cors", null},
        };
        for (String[] h : notNavigations) {
            RequestSpecification r = from("198.51.100.40").header("User-Agent", BROWSER).header("Sec-Fetch-Mode", h[0]);
            if (h[1] != null) {
                r = r.header("Sec-Fetch-Dest", h[1]);
            }
            r.get("/api/badge-click/" + slug).then().statusCode(302).header("Location", location);
        }
        // A reader following the link; an old browser that sends no Fetch Metadata is believed.
        from("198.51.100.40").header("User-Agent", BROWSER).header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                .get("/api/badge-click/" + slug).then().statusCode(302).header("Location", location);
        from("198.51.100.40").header("User-Agent", BROWSER).get("/api/badge-click/" + slug).then().statusCode(302);
        // Navigations past the client's click cap are discarded too, and still redirected.
        for (int i = 0; i < 4; i++) {
            from("198.51.100.40").header("User-Agent", BROWSER).header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                    .get("/api/badge-click/" + slug).then().statusCode(302).header("Location", location);
        }
        JsonPath json = statsAfter(slug, 11);
        assertEquals(CLICK_CAP, json.getLong("totals.clicks"));
        assertEquals(5 + (6 - CLICK_CAP), json.getLong("totals.discarded"));
        String m = metrics();
        assertTrue(metric(m, "badge_counting_discarded_total{kind=\"click\",reason=\"not-navigation\"") >= 5, "not-navigation metric");
        assertTrue(metric(m, "badge_counting_discarded_total{kind=\"click\",reason=\"client-cap\"") >= 6 - CLICK_CAP, "client-cap metric");
    }

    @Test
    void clickThroughNeverExceedsOneHundredPercent() throws InterruptedException {
        String slug = "honest-ctr-tool";
        Fixtures.stub(Fixtures.ship(slug, "Honest CTR Tool"));
        from("198.51.100.50").header("User-Agent", BROWSER).get("/api/badge/" + slug).then().statusCode(200);
        // Three clients click (a page cached elsewhere, or a script at several addresses): more clicks than views.
        for (String client : new String[] {"198.51.100.50", "198.51.100.51", "198.51.100.52"}) {
            for (int i = 0; i < CLICK_CAP + 2; i++) {
                from(client).header("User-Agent", BROWSER).get("/api/badge-click/" + slug).then().statusCode(302);
            }
        }
        JsonPath json = statsAfter(slug, 1 + 3 * (CLICK_CAP + 2));
        assertEquals(1, json.getLong("totals.humanImpressions"));
        assertEquals(3 * CLICK_CAP, json.getLong("totals.clicks"));
        assertEquals(6, json.getLong("totals.discarded"));
        assertEquals(1.0, json.getDouble("totals.clickThroughRate"), 1e-9);
        assertEquals(1.0, json.getDouble("days[29].counts.clickThroughRate"), 1e-9);
        String csv = given().header("Authorization", "Bearer " + TestTokens.maker(slug)).accept("text/csv")
                .get("/api/makers/tools/" + slug + "/stats").then().statusCode(200).extract().asString();
        assertEquals(slug + "," + LocalDate.now(ZoneOffset.UTC) + ",1,0,0,0,0,0,1," + 3 * CLICK_CAP + ",1.0,6,0,0,0,0,0,1,6,0,0,0,0", csv.split("\r\n")[30]);
    }

    /** A GET written on the socket, so that it carries no User-Agent at all (HTTP clients add one). */
    static int rawStatus(String target, String... headers) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            return Integer.parseInt(text.substring(9, 12));
        }
    }
}
