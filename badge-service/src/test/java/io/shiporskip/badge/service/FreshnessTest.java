package io.shiporskip.badge.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.model.VerdictDecision;
import org.junit.jupiter.api.Test;

/** api NOTIFYs verdict_changed; the next load shows the new verdict (the refresh timer is 10 min in tests). */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class FreshnessTest {

    @Inject
    VerdictChangeListener listener;

    static String badge(String slug) {
        return given().get("/api/badge/" + slug).then().statusCode(200).extract().asString();
    }

    @Test
    void notifyMakesTheNextLoadShowTheNewVerdict() throws InterruptedException {
        assertTrue(Fixtures.eventually(10_000, listener::listening), "LISTEN established");
        String slug = "fresh-tool";
        Fixtures.stub(Fixtures.verdict(slug, "Fresh Tool", VerdictDecision.SHIP, 3, 1, "1"));
        assertTrue(badge(slug).contains("SHIP"));
        Fixtures.stub(Fixtures.verdict(slug, "Fresh Tool", VerdictDecision.SKIP, 1, 3, "2"));
        // Still cached: without a NOTIFY the old verdict stays.
        assertTrue(badge(slug).contains("3 ships"));

        long sent = System.nanoTime();
        Fixtures.notifyChanged(slug);
        assertTrue(Fixtures.eventually(1000, () -> badge(slug).contains("1 ship \u00B7 3 skips")),
                "new verdict visible within one second of the NOTIFY");
        long millis = (System.nanoTime() - sent) / 1_000_000;
        System.out.println("verdict visible " + millis + " ms after NOTIFY");
    }

    @Test
    void notificationsForOtherToolsOrGarbageChangeNothing() throws InterruptedException {
        assertTrue(Fixtures.eventually(10_000, listener::listening), "LISTEN established");
        String slug = "steady-tool";
        Fixtures.stub(Fixtures.verdict(slug, "Steady Tool", VerdictDecision.SHIP, 2, 0, "1"));
        assertTrue(badge(slug).contains("2 ships"));
        Fixtures.stub(Fixtures.verdict(slug, "Steady Tool", VerdictDecision.SKIP, 0, 2, "2"));
        Fixtures.notifyChanged("some-other-tool");
        Fixtures.notifyChanged("'; DROP TABLE x; --");
        Thread.sleep(300);
        assertTrue(badge(slug).contains("2 ships"));
    }
}
