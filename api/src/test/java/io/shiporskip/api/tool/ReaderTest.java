package io.shiporskip.api.tool;

import io.shiporskip.api.contract.InvalidRequests;
import io.shiporskip.api.account.TestAccounts;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.newReaderToken;
import static io.shiporskip.api.account.TestAccounts.newVoterToken;
import static io.shiporskip.api.tool.TestCatalog.newTool;
import static io.shiporskip.api.tool.TestCatalog.vote;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shiporskip.api.AccountsProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Community votes and bookmarks, each reader acting only on their own. */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class ReaderTest {

    @Test
    void votesChangeTheCommunitySummaryTheVerdictVersionAndTheETag() {
        String slug = newTool("vote-target");
        String alice = newVoterToken("alice");
        String bob = newVoterToken("bob");
        String etag0 = given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("community.state", equalTo("NO_VOTES")).extract().header("ETag");

        vote(alice, slug, "SHIP").then().statusCode(200)
                .contentType("application/json")
                .header("RateLimit-Limit", "10000")
                .body("tool.slug", equalTo(slug))
                .body("tool.name", equalTo("Quill Coder"))
                .body("decision", equalTo("SHIP"))
                .body("community.state", equalTo("VOTED"))
                .body("community.votes", equalTo(1))
                .body("community.ships", equalTo(1))
                .body("community.skips", equalTo(0))
                .body("community.shipPercent", equalTo(100))
                .body("community.label", equalTo("100% ship · 1 vote"));
        given().header("If-None-Match", etag0).when().get("/api/tools/" + slug + "/verdict")
                .then().statusCode(200).body("community.votes", equalTo(1));
        String etag1 = given().when().get("/api/tools/" + slug + "/verdict").then().extract().header("ETag");
        assertNotEquals(etag0, etag1);

        vote(bob, slug, "SKIP").then().statusCode(200)
                .body("community.votes", equalTo(2)).body("community.shipPercent", equalTo(50));
        // A second PUT changes the vote instead of adding one.
        vote(alice, slug, "SKIP").then().statusCode(200)
                .body("decision", equalTo("SKIP"))
                .body("community.votes", equalTo(2))
                .body("community.ships", equalTo(0))
                .body("community.skips", equalTo(2))
                .body("community.label", equalTo("0% ship · 2 votes"));
        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("community.votes", equalTo(2))
                .body("community.skips", equalTo(2));
        given().when().get("/api/tools?q=quill&limit=100").then().statusCode(200);

        // The same vote again changes nothing, so the ETag still matches.
        String etag2 = given().when().get("/api/tools/" + slug + "/verdict").then().extract().header("ETag");
        vote(alice, slug, "SKIP").then().statusCode(200).body("community.votes", equalTo(2));
        given().header("If-None-Match", etag2).when().get("/api/tools/" + slug + "/verdict").then().statusCode(304);

        // Bob withdraws his vote (twice: idempotent); Alice's stays.
        given().auth().oauth2(bob).when().delete("/api/tools/" + slug + "/vote").then().statusCode(200)
                .body("decision", nullValue())
                .body("community.votes", equalTo(1))
                .body("community.skips", equalTo(1));
        given().auth().oauth2(bob).when().delete("/api/tools/" + slug + "/vote").then().statusCode(200)
                .body("community.votes", equalTo(1));
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("community.votes", equalTo(1))
                .body("community.skips", equalTo(1))
                .body("community.label", equalTo("0% ship · 1 vote"));
    }

    @Test
    void aVoteNotifiesBadgeServiceOnCommit() throws Exception {
        String slug = newTool("notify-target");
        String reader = newVoterToken("notify");
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("LISTEN verdict_changed");
            vote(reader, slug, "SHIP").then().statusCode(200);
            List<String> payloads = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 5000;
            while (!payloads.contains(slug) && System.currentTimeMillis() < deadline) {
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(500);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        payloads.add(n.getParameter());
                    }
                }
            }
            assertTrue(payloads.contains(slug), "NOTIFY verdict_changed '" + slug + "', got " + payloads);
        }
    }

    @InvalidRequests("votes the document forbids, and votes without a token")
    @Test
    void badVotesAreProblems() {
        String reader = newVoterToken("badvote");
        vote(reader, "smolvlm2", "MAYBE").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("decision"))
                .body("errors[0].message", equalTo("must be SHIP or SKIP"));
        vote(reader, "no-such-tool", "SHIP").then().statusCode(404).contentType("application/problem+json");
        vote(reader, "Bad_Slug", "SHIP").then().statusCode(400).body("errors[0].field", equalTo("slug"));
        given().auth().oauth2(reader).contentType("application/json").when().put("/api/tools/smolvlm2/vote")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @InvalidRequests("limit 0, and bookmarks without a token")
    @Test
    void bookmarksArePaginatedNewestFirstIdempotentAndPrivate() {
        String alice = newReaderToken("bm-alice");
        String bob = newReaderToken("bm-bob");
        for (String slug : List.of("smolvlm2", "smolvlm2-2b", "gemini-2-5-flash-lite")) {
            given().auth().oauth2(alice).when().put("/api/me/bookmarks/" + slug).then().statusCode(204);
        }
        // Bookmarking again keeps the original time and position.
        given().auth().oauth2(alice).when().put("/api/me/bookmarks/smolvlm2").then().statusCode(204);

        Response first = given().auth().oauth2(alice).when().get("/api/me/bookmarks?limit=2");
        first.then().statusCode(200)
                .body("items.tool.slug", contains("gemini-2-5-flash-lite", "smolvlm2-2b"))
                .body("items[0].bookmarkedAt", notNullValue())
                .body("items[0].tool.verdict.decision", notNullValue())
                .body("nextCursor", notNullValue());
        given().auth().oauth2(alice).queryParam("limit", 2).queryParam("cursor", first.jsonPath().getString("nextCursor"))
                .when().get("/api/me/bookmarks")
                .then().statusCode(200)
                .body("items.tool.slug", contains("smolvlm2"))
                .body("nextCursor", nullValue());

        // Bob sees none of them, and his DELETE does not touch Alice's.
        given().auth().oauth2(bob).when().get("/api/me/bookmarks").then().statusCode(200)
                .body("items", empty()).body("nextCursor", nullValue());
        given().auth().oauth2(bob).when().delete("/api/me/bookmarks/smolvlm2").then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/me/bookmarks").then().statusCode(200)
                .body("items.tool.slug", contains("gemini-2-5-flash-lite", "smolvlm2-2b", "smolvlm2"));

        given().auth().oauth2(alice).when().delete("/api/me/bookmarks/smolvlm2-2b").then().statusCode(204);
        given().auth().oauth2(alice).when().delete("/api/me/bookmarks/smolvlm2-2b").then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/me/bookmarks").then().statusCode(200)
                .body("items.tool.slug", contains("gemini-2-5-flash-lite", "smolvlm2"));

        given().auth().oauth2(alice).when().put("/api/me/bookmarks/no-such-tool").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(alice).when().get("/api/me/bookmarks?cursor=bogus!").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(alice).when().get("/api/me/bookmarks?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void concurrentVotesFromManyReadersAreAllCounted() throws Exception {
        String slug = newTool("crowd-target");
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            readers.add(newVoterToken("crowd"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                String token = readers.get(i);
                String decision = i % 4 == 0 ? "SKIP" : "SHIP";
                results.add(pool.submit(() -> vote(token, slug, decision).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdown();
        }
        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("community.votes", equalTo(8))
                .body("community.ships", equalTo(6))
                .body("community.skips", equalTo(2))
                .body("community.shipPercent", equalTo(75));
    }

    @Test
    void concurrentSignUpsWithOneEmailMakeExactlyOneAccount() throws Exception {
        String email = TestAccounts.uniqueEmail("race");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> given().contentType("application/json")
                        .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "displayName", "Racer"))
                        .when().post("/api/accounts").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> result : results) {
                statuses.add(result.get());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409, 409, 409, 409, 409), statuses);
        } finally {
            pool.shutdown();
        }
    }
}
