package io.shiporskip.badge.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.model.VerdictDecision;
import org.junit.jupiter.api.Test;

/** The LISTEN connection is killed on the server side; the subscriber comes back and freshness works again. */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class ListenReconnectTest {

    static final String LISTENERS = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + BadgeTestResources.DATABASE
            + "' AND query ILIKE 'LISTEN%'";

    static String badge(String slug) {
        return given().get("/api/badge/" + slug).then().statusCode(200).extract().asString();
    }

    @Test
    void listenerReconnectsAfterItsConnectionIsKilled() throws InterruptedException {
        assertTrue(Fixtures.eventually(10_000, () -> Fixtures.count(LISTENERS) == 1), "one LISTEN connection");
        long killed = Fixtures.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + BadgeTestResources.DATABASE + "' AND query ILIKE 'LISTEN%') t");
        assertTrue(killed == 1, "terminated the LISTEN backend");

        String slug = "reconnect-tool";
        Fixtures.stub(Fixtures.verdict(slug, "Reconnect Tool", VerdictDecision.SHIP, 3, 0, "1"));
        assertTrue(badge(slug).contains("3 ships"));
        Fixtures.stub(Fixtures.verdict(slug, "Reconnect Tool", VerdictDecision.SKIP, 0, 3, "2"));

        // The subscriber reconnects by itself (policy: every second) and LISTENs again.
        assertTrue(Fixtures.eventually(10_000, () -> Fixtures.count(LISTENERS) == 1), "LISTEN connection is back");
        assertTrue(Fixtures.eventually(5_000, () -> {
            Fixtures.notifyChanged(slug);
            return badge(slug).contains("0 ships");
        }), "NOTIFY after the reconnect drops the cached verdict");
    }
}
