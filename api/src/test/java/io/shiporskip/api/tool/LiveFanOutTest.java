package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.newVoterToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.tool.LiveUpdatesTest.Events;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live streams at scale: a change is read from the database once, however many streams show it, and the number of
 * open streams is capped per client and per copy (small caps here, so the tests can reach them).
 */
@QuarkusTest
@TestProfile(LiveFanOutTest.SmallCaps.class)
class LiveFanOutTest {

    static final int PER_CLIENT = 5;
    static final int OVERALL = 12;

    public static class SmallCaps extends AccountsProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shiporskip.live.streams-per-client", String.valueOf(PER_CLIENT),
                    "shiporskip.live.streams", String.valueOf(OVERALL));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    MeterRegistry registry;

    private final List<Events> open = new ArrayList<>();

    @AfterEach
    void closeStreams() throws Exception {
        for (Events events : open) {
            events.close();
        }
        open.clear();
        // A closed connection ends its stream on the server, which counts it out.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gauge("live.streams") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0.0, gauge("live.streams"), "every closed stream is counted out");
    }

    @Test
    void aVoteIsReadOnceForEveryStreamOfTheToolAndTheCatalog() throws Exception {
        String slug = TestCatalog.newTool("fan-out");
        String token = newVoterToken("fan-out-voter");
        // As many streams as this copy allows: eleven of the tool from three clients, one of the catalog.
        for (int i = 0; i < OVERALL - 1; i++) {
            Events events = Events.open(URI.create(base + "api/tools/" + slug + "/events"), "203.0.113." + (i % 3 + 1));
            open.add(events);
            assertTrue(events.next().get("data").contains("\"votes\":0"));
        }
        Events catalog = Events.open(URI.create(base + "api/verdicts/events"), "203.0.113.9");
        open.add(catalog);

        double loadsBefore = counter("catalog.verdict.loads");
        double readsBefore = counter("live.verdict.reads");
        TestCatalog.vote(token, slug, "SHIP").then().statusCode(200);
        for (Events events : open.subList(0, OVERALL - 1)) {
            assertTrue(events.next().get("data").contains("\"votes\":1"));
        }
        catalog.nextAbout(slug, "\"votes\":1");
        assertEquals(1.0, counter("live.verdict.reads") - readsBefore, "one read fed all twelve streams");
        assertEquals(1.0, counter("catalog.verdict.loads") - loadsBefore,
                "one database read of the verdict for the vote, not one per stream");

        // The copy's cap: a thirteenth stream, from a client that has none yet, is refused.
        given().header("X-Forwarded-For", "203.0.113.50").accept("text/event-stream")
                .when().get("/api/tools/" + slug + "/events")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("status", equalTo(429));
    }

    @Test
    void aClientHoldsAtMostItsShareOfStreams() throws Exception {
        String slug = TestCatalog.newTool("fan-out-cap");
        for (int i = 0; i < PER_CLIENT; i++) {
            String path = i % 2 == 0 ? "api/tools/" + slug + "/events" : "api/verdicts/events";
            open.add(Events.open(URI.create(base + path), "198.51.100.77"));
        }
        given().header("X-Forwarded-For", "198.51.100.77").accept("text/event-stream")
                .when().get("/api/verdicts/events")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("detail", equalTo("Too many open event stream requests; try again in 10 seconds"));
        given().header("X-Forwarded-For", "198.51.100.77").accept("text/event-stream")
                .when().get("/api/tools/" + slug + "/events")
                .then().statusCode(429);
        // Another client is not affected; and a closed stream gives its place back.
        open.add(Events.open(URI.create(base + "api/tools/" + slug + "/events"), "198.51.100.78"));
        open.remove(0).close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gauge("live.streams") > PER_CLIENT && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        open.add(Events.open(URI.create(base + "api/tools/" + slug + "/events"), "198.51.100.77"));
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
