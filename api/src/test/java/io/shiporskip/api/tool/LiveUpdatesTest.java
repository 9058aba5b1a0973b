package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.newVoterToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.SameTime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Live updates and freshness across api copies. Another copy is played by a plain database session doing what a copy
 * does on a write: change the row and NOTIFY. This copy must drop its cached read and stream the change within 1 s.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class LiveUpdatesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aToolStreamStartsWithTheCurrentStateAndCarriesVotesFromThisCopyAndOthers() throws Exception {
        String slug = TestCatalog.newTool("live");
        try (Events events = Events.open(URI.create(base + "api/tools/" + slug + "/events"))) {
            Map<String, String> first = events.next();
            assertEquals("verdict", first.get("event"));
            assertTrue(first.get("data").contains("\"slug\":\"" + slug + "\""), first.get("data"));
            assertTrue(first.get("data").contains("\"votes\":0"), first.get("data"));

            // A vote on this copy.
            // The tool's own creation may still be announced (an earlier state: a client replaces, never merges);
            // the vote's state must follow within a second.
            TestCatalog.vote(newVoterToken("live-voter"), slug, "SHIP").then().statusCode(200);
            events.nextAbout(slug, "\"votes\":1");

            // Read now, so the detail is cached; then a write lands on another copy.
            given().when().get("/api/tools/" + slug).then().body("community.votes", equalTo(1));
            anotherCopyWrites("UPDATE catalog.tool SET community_ships = community_ships + 1, verdict_version = verdict_version + 1 "
                    + "WHERE slug = '" + slug + "'", slug);
            events.nextAbout(slug, "\"votes\":2");
            given().when().get("/api/tools/" + slug).then().body("community.votes", equalTo(2));
        }
    }

    @Test
    void theCatalogStreamCarriesEveryToolsChanges() throws Exception {
        String slug = TestCatalog.newTool("live-catalog");
        try (Events events = Events.open(URI.create(base + "api/verdicts/events"))) {
            Thread.sleep(200); // subscribed before the change
            TestCatalog.vote(newVoterToken("live-catalog-voter"), slug, "SKIP").then().statusCode(200);
            // The tool's creation may still be on its way; the vote's event must follow within a second.
            Map<String, String> event = events.nextAbout(slug, "\"votes\":1");
            assertEquals("verdict", event.get("event"));
        }
    }

    /**
     * What another copy hears of votes on this one: the voted tool on the channel within a second, and a burst of votes
     * announced in batches rather than by one notifying commit each (VoteNotices says why).
     */
    @Test
    void votesAreAnnouncedToOtherCopiesWithinASecondAndInBatches() throws Exception {
        String slug = TestCatalog.newTool("live-announced");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SameTime.REQUESTS; i++) {
            tokens.add(newVoterToken("live-announced-voter"));
        }
        AtomicInteger next = new AtomicInteger();
        try (Connection listener = ConcurrentWritesTest.connect(); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN verdict_changed");
            long start = System.nanoTime();
            assertEquals(Map.of(200, SameTime.REQUESTS), SameTime.statuses(() -> given()
                    .auth().oauth2(tokens.get(next.getAndIncrement())).contentType("application/json")
                    .body(Map.of("decision", "SHIP")).when().put("/api/tools/" + slug + "/vote")));
            List<String> heard = new ArrayList<>();
            while (System.nanoTime() - start < Duration.ofSeconds(1).toNanos() && !heard.contains(slug)) {
                heard.addAll(notifications(listener, 100));
            }
            assertTrue(heard.contains(slug), "another copy must hear of the votes within 1 s; heard " + heard);
            heard.addAll(notifications(listener, 300)); // whatever else was on its way
            long times = heard.stream().filter(slug::equals).count();
            assertTrue(times < SameTime.REQUESTS, SameTime.REQUESTS + " votes at once must be announced in batches, "
                    + "not once each; heard " + times);
        }
    }

    private static List<String> notifications(Connection listener, int waitMillis) throws Exception {
        PGNotification[] notes = listener.unwrap(PGConnection.class).getNotifications(waitMillis);
        List<String> slugs = new ArrayList<>();
        for (PGNotification note : notes == null ? new PGNotification[0] : notes) {
            assertEquals("verdict_changed", note.getName());
            slugs.add(note.getParameter());
        }
        return slugs;
    }

    @Test
    void anUnknownToolIsA404Problem() {
        given().accept("text/event-stream").when().get("/api/tools/no-such-tool/events").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void anotherCopyWrites(String sql, String slug) throws Exception {
        try (Connection connection = ConcurrentWritesTest.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
            statement.execute("NOTIFY verdict_changed, '" + slug + "'");
        }
    }

    /** A minimal Server-Sent Events reader: events as field → value maps, comments skipped. */
    static final class Events implements AutoCloseable {
        private final BlockingQueue<Map<String, String>> queue = new LinkedBlockingQueue<>();
        private final Thread reader;
        private final java.io.InputStream body;

        private Events(java.io.InputStream body) {
            this.body = body;
            this.reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    Map<String, String> event = new java.util.HashMap<>();
                    for (String line; (line = lines.readLine()) != null;) {
                        if (line.isEmpty()) {
                            if (!event.isEmpty()) {
                                queue.add(event);
                            }
                            event = new java.util.HashMap<>();
                        } else if (!line.startsWith(":")) {
                            int colon = line.indexOf(':');
                            String field = colon < 0 ? line : line.substring(0, colon);
                            String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                            event.merge(field, value, (a, b) -> a + "\n" + b);
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Events open(URI uri) throws Exception {
            return open(uri, "127.0.0.1");
        }

        /** A stream opened by the client at {@code clientAddress} (X-Forwarded-For; the tests trust the proxy). */
        static Events open(URI uri, String clientAddress) throws Exception {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                            .header("X-Forwarded-For", clientAddress).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            return new Events(response.body());
        }

        /** The next event, within one second. */
        Map<String, String> next() throws InterruptedException {
            Map<String, String> event = queue.poll(1, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event within 1 s");
            }
            return event;
        }

        Map<String, String> nextAbout(String slug, String showing) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < deadline) {
                Map<String, String> event = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                String data = event == null ? "" : event.getOrDefault("data", "");
                if (data.contains("\"slug\":\"" + slug + "\"") && data.contains(showing)) {
                    return event;
                }
            }
            throw new AssertionError("no event about " + slug + " showing " + showing + " within 1 s");
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}
