package io.shiporskip.badge.service;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.badge.AbuseLimitsProfile;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.counting.BadgeEventCounter;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: made-up slugs neither cost one api call each nor leave rows. Clients are told apart by
 * X-Forwarded-For; the lookup budget is {@link AbuseLimitsProfile#LOOKUPS} a minute.
 */
@QuarkusTest
@TestProfile(AbuseLimitsProfile.class)
@WithTestResource(BadgeTestResources.class)
class UnknownSlugTest {

    @Inject
    BadgeEventCounter counter;

    @Inject
    VerdictCache verdicts;

    static int apiCalls(String urlRegex) {
        return BadgeTestResources.wireMock().findAll(getRequestedFor(urlMatching(urlRegex))).size();
    }

    static long rows(String slugPrefix) {
        return Fixtures.count("SELECT COALESCE(SUM(n), 0) FROM badges.badge_counter WHERE tool_slug LIKE ?", slugPrefix + "%");
    }

    @Test
    void randomSlugsFromOneClientCostABoundedNumberOfApiCalls() {
        // api knows none of them (WireMock answers 404 to anything not stubbed).
        for (int i = 0; i < 30; i++) {
            given().header("X-Forwarded-For", "198.51.100.60").get("/api/badge/rnd-badge-" + i).then().statusCode(404)
                    .contentType("image/svg+xml;charset=utf-8").header("Cache-Control", "no-store");
            given().header("X-Forwarded-For", "198.51.100.60").get("/embed/rnd-embed-" + i).then().statusCode(404);
        }
        assertEquals(AbuseLimitsProfile.LOOKUPS, apiCalls("/api/tools/rnd-(badge|embed)-.*/verdict"),
                "one client's never-seen slugs cost at most its budget of api calls a minute");

        // Other clients keep their own budget, and the flooding client still gets tools that are already known.
        Fixtures.stub(Fixtures.ship("budget-real-tool", "Budget Real Tool"));
        given().header("X-Forwarded-For", "198.51.100.61").get("/api/badge/budget-real-tool").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.60").get("/api/badge/budget-real-tool").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.60").get("/api/badge/budget-real-tool/snippets").then().statusCode(200);
        // GitHub's camo looks up for all its readers: no budget.
        for (int i = 0; i < 8; i++) {
            given().header("X-Forwarded-For", "140.82.115.4").header("User-Agent", "github-camo (1)").get("/api/badge/rnd-camo-" + i)
                    .then().statusCode(404);
        }
        assertEquals(8, apiCalls("/api/tools/rnd-camo-.*/verdict"));
    }

    @Test
    void anUnknownSlugIsAskedOnceThenRememberedAsUnknown() {
        Fixtures.stubUnknown("ghost-remembered");
        for (int i = 0; i < 12; i++) {
            given().header("X-Forwarded-For", "198.51.100.62").get("/api/badge/ghost-remembered").then().statusCode(404);
            given().header("X-Forwarded-For", "198.51.100.62").redirects().follow(false).get("/api/badge-click/ghost-remembered")
                    .then().statusCode(404);
        }
        assertEquals(1, apiCalls("/api/tools/ghost-remembered/verdict"));
    }

    @Test
    void whileApiIsDownClicksOnNeverSeenSlugsRedirectButAreNotCountedNorLoggedEachTime() throws InterruptedException {
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(r);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (int i = 0; i < 8; i++) {
                String slug = "down-junk-" + i;
                Fixtures.stubDown(slug);
                for (String client : new String[] {"198.51.100.70", "198.51.100.71"}) {
                    given().header("X-Forwarded-For", client).header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                            .redirects().follow(false).get("/api/badge-click/" + slug)
                            .then().statusCode(302)
                            .header("Location", BadgeTestResources.SITE + "/tool/" + slug
                                    + "?utm_source=shiporskip-badge&utm_medium=badge&utm_campaign=" + slug);
                }
            }
        } finally {
            root.removeHandler(capture);
        }
        counter.flush().await().indefinitely();
        Thread.sleep(300);
        counter.flush().await().indefinitely();
        assertEquals(0, rows("down-junk-"), "no rows for slugs that could not be checked");
        long apiLines;
        synchronized (warnings) {
            apiLines = warnings.stream().filter(r -> String.valueOf(r.getMessage()).contains("api unavailable")
                    || String.valueOf(r.getMessage()).contains("asynchronous load")).count();
        }
        assertTrue(apiLines <= 1, "16 failed lookups logged " + apiLines + " lines (at most one per interval)");
        assertTrue(apiCalls("/api/tools/down-junk-.*/verdict") <= 2 * AbuseLimitsProfile.LOOKUPS,
                "the lookup budget bounds the calls to a failing api too");

        // A tool badge-service has seen still counts while api is down (the last known verdict vouches for it).
        Fixtures.stub(Fixtures.ship("down-known-tool", "Down Known Tool"));
        given().header("X-Forwarded-For", "198.51.100.72").get("/api/badge/down-known-tool").then().statusCode(200);
        Fixtures.stubDown("down-known-tool");
        verdicts.invalidate("down-known-tool"); // out of the main cache: the click must go to the failing api
        given().header("X-Forwarded-For", "198.51.100.72").redirects().follow(false).get("/api/badge-click/down-known-tool")
                .then().statusCode(302);
        assertTrue(Fixtures.eventually(10_000, () -> Fixtures.count("SELECT COALESCE(SUM(n), 0) FROM badges.badge_counter "
                + "WHERE tool_slug = 'down-known-tool' AND kind = 'click'") == 1), "the click on a known tool was counted");
        assertEquals(2, apiCalls("/api/tools/down-known-tool/verdict"));
    }
}
