package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.adminToken;
import static io.shiporskip.api.account.TestAccounts.newVoterToken;
import static io.shiporskip.api.tool.TestCatalog.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Cached reads (tool page, verdict, comparison) show every write on the very next request. */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class ReadCacheTest {

    private static String newToolWithReview(int builderScore) {
        String slug = TestCatalog.newTool("cached");
        review(slug, "builder", builderScore, "SHIP").then().statusCode(201);
        return slug;
    }

    @Test
    void aReviewChangeShowsOnTheNextReadOfEveryCachedView() {
        String slug = newToolWithReview(80);
        String comparison = "/api/comparisons?tools=" + slug + ",smolvlm2";
        // prime all three caches, twice, so the second read is a cache hit
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/tools/" + slug).then().statusCode(200).body("reviews.score", contains(80));
            given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200).body("decision", equalTo("SHIP"));
            given().when().get(comparison).then().statusCode(200).body("scorecard[0].cells[0].score", equalTo(80));
        }

        review(slug, "builder", 35, "SKIP").then().statusCode(200);

        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("reviews.score", contains(35)).body("verdict.decision", equalTo("SKIP"));
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("decision", equalTo("SKIP")).body("critics.score", contains(35));
        given().when().get(comparison).then().statusCode(200)
                .body("scorecard[0].cells[0].score", equalTo(35))
                .body("decisionTable[0].cells[0]", equalTo("Skip · 0 ship / 1 skip"));

        given().auth().oauth2(adminToken()).when().delete("/api/tools/" + slug + "/reviews/builder")
                .then().statusCode(204);
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("decision", equalTo("NONE"));
    }

    @Test
    void aVoteShowsOnTheNextReadOfTheCachedToolPage() {
        String slug = newToolWithReview(70);
        given().when().get("/api/tools/" + slug).then().statusCode(200).body("community.votes", equalTo(0));
        given().when().get("/api/tools/" + slug).then().statusCode(200).body("community.votes", equalTo(0));

        TestCatalog.vote(newVoterToken("cache-voter"), slug, "SKIP").then().statusCode(200);

        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("community.votes", equalTo(1)).body("community.label", equalTo("0% ship · 1 vote"));
    }

    @Test
    void aNewToolAndAChangedVerdictShowInTheNextListPage() {
        String byNewest = "/api/tools?sort=newest&limit=100";
        given().when().get(byNewest).then().statusCode(200);
        given().when().get(byNewest).then().statusCode(200);

        String slug = newToolWithReview(90);

        given().when().get(byNewest).then().statusCode(200)
                .body("items[0].slug", equalTo(slug))
                .body("items[0].verdict.decision", equalTo("SHIP"));
        given().queryParam("decision", "SKIP").queryParam("limit", 100).when().get("/api/tools").then()
                .statusCode(200).body("items.slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(slug)));

        review(slug, "builder", 20, "SKIP").then().statusCode(200);

        given().when().get(byNewest).then().statusCode(200)
                .body("items[0].slug", equalTo(slug))
                .body("items[0].verdict.decision", equalTo("SKIP"));
        given().queryParam("decision", "SKIP").queryParam("limit", 100).when().get("/api/tools").then()
                .statusCode(200).body("items.slug", org.hamcrest.Matchers.hasItem(slug));
    }

    @Test
    void cacheFiguresAreExported() {
        given().when().get("/api/tools/smolvlm2").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("cache_gets_total{cache=\"catalog.tool-detail\""));
    }

    /**
     * The reads really come from the cache (this fails if it is removed): a change made behind this copy's back —
     * as another api copy would, before its NOTIFY arrives — is not seen on the next read; the NOTIFY drops it.
     */
    @Test
    void readsAreServedFromTheCacheUntilThisCopyIsTold() throws Exception {
        String slug = newToolWithReview(70);
        String name = given().when().get("/api/tools/" + slug).then().statusCode(200).extract().path("name");
        try (Connection connection = ConcurrentWritesTest.connect(); Statement statement = connection.createStatement()) {
            given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200).body("name", equalTo(name));
            given().when().get("/api/tools/" + slug).then().statusCode(200).body("name", equalTo(name));
            statement.executeUpdate("UPDATE catalog.tool SET name = 'Renamed Elsewhere' WHERE slug = '" + slug + "'");

            given().when().get("/api/tools/" + slug).then().statusCode(200).body("name", equalTo(name));
            given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200).body("name", equalTo(name));

            statement.execute("NOTIFY verdict_changed, '" + slug + "'");
        }
        long deadline = System.nanoTime() + 1_000_000_000L;
        String seen = name;
        while (!"Renamed Elsewhere".equals(seen) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = given().when().get("/api/tools/" + slug).then().statusCode(200).extract().path("name");
        }
        assertEquals("Renamed Elsewhere", seen, "the NOTIFY must drop the cached read within 1 s");
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200).body("name", equalTo("Renamed Elsewhere"));
    }
}
