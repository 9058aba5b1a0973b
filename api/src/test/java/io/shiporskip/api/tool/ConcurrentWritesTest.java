package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.newReaderToken;
import static io.shiporskip.api.account.TestAccounts.newVoterToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.SameTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many identical writes at the same instant — a double click, a retrying client, an attacker — each answer their
 * documented success, none hangs, and afterwards no database session is left idle in a transaction (which would
 * hold row locks and a pool connection for good). Two clicks was enough to hang the api before.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
public class ConcurrentWritesTest {

    @Test
    void identicalBookmarkWritesAllSucceedAndLeaveOneRow() throws Exception {
        String reader = newReaderToken("race-bookmark");
        String slug = TestCatalog.newTool("race-bookmark");
        assertEquals(Map.of(204, SameTime.REQUESTS), SameTime.statuses(() -> given().auth().oauth2(reader)
                .when().put("/api/me/bookmarks/" + slug)));
        given().auth().oauth2(reader).when().get("/api/me/bookmarks").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].tool.slug", equalTo(slug));
        assertEquals(Map.of(204, SameTime.REQUESTS), SameTime.statuses(() -> given().auth().oauth2(reader)
                .when().delete("/api/me/bookmarks/" + slug)));
        given().auth().oauth2(reader).when().get("/api/me/bookmarks").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void mixedBookmarkAddsAndRemovesNeverFail() throws Exception {
        String reader = newReaderToken("race-mixed");
        String slug = TestCatalog.newTool("race-mixed");
        for (int round = 0; round < 3; round++) {
            int[] turn = {0};
            assertEquals(Map.of(204, SameTime.REQUESTS), SameTime.statuses(() -> {
                boolean add;
                synchronized (turn) {
                    add = turn[0]++ % 2 == 0;
                }
                return add ? given().auth().oauth2(reader).when().put("/api/me/bookmarks/" + slug)
                        : given().auth().oauth2(reader).when().delete("/api/me/bookmarks/" + slug);
            }));
        }
    }

    @Test
    void identicalVotesCountOnceAndWithdrawalsToo() throws Exception {
        String reader = newVoterToken("race-vote");
        String slug = TestCatalog.newTool("race-vote");
        assertEquals(Map.of(200, SameTime.REQUESTS), SameTime.statuses(() -> TestCatalog.vote(reader, slug, "SHIP")));
        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("community.votes", equalTo(1)).body("community.ships", equalTo(1));
        assertEquals(Map.of(200, SameTime.REQUESTS), SameTime.statuses(() -> given().auth().oauth2(reader)
                .when().delete("/api/tools/" + slug + "/vote")));
        given().when().get("/api/tools/" + slug).then().statusCode(200).body("community.votes", equalTo(0));
        assertEquals(0L, votesRecountedWrongly());
    }

    /** One reader flipping and withdrawing at once: every vote is one round trip, and the counts stay exact. */
    @Test
    void oneReaderFlippingAndWithdrawingAtOnceLeavesExactCounts() throws Exception {
        String reader = newVoterToken("race-flip");
        String slug = TestCatalog.newTool("race-flip");
        int[] next = {0};
        for (int round = 0; round < 3; round++) {
            assertEquals(Map.of(200, SameTime.REQUESTS), SameTime.statuses(() -> {
                int i;
                synchronized (next) {
                    i = next[0]++;
                }
                return i % 3 == 2 ? given().auth().oauth2(reader).when().delete("/api/tools/" + slug + "/vote")
                        : TestCatalog.vote(reader, slug, i % 3 == 0 ? "SHIP" : "SKIP");
            }));
            assertEquals(0L, votesRecountedWrongly());
        }
        // Whatever order they ran in, one reader holds at most one vote, and the tool page says what the rows say.
        int votes = given().when().get("/api/tools/" + slug).then().statusCode(200).extract().path("community.votes");
        assertEquals(true, votes == 0 || votes == 1, "votes after the race: " + votes);
    }

    @Test
    void votesOfManyReadersAtOnceAreCountedExactly() throws Exception {
        String slug = TestCatalog.newTool("race-many");
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < SameTime.REQUESTS; i++) {
            readers.add(newVoterToken("race-many-" + i));
        }
        int[] next = {0};
        assertEquals(Map.of(200, SameTime.REQUESTS), SameTime.statuses(() -> {
            int i;
            synchronized (next) {
                i = next[0]++;
            }
            return TestCatalog.vote(readers.get(i), slug, i % 3 == 0 ? "SKIP" : "SHIP");
        }));
        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("community.votes", equalTo(SameTime.REQUESTS)).body("community.skips", equalTo(SameTime.REQUESTS / 3));
        assertEquals(0L, votesRecountedWrongly());
    }

    @Test
    void identicalEditorialWritesGiveOneWinnerAndNoErrors() throws Exception {
        String admin = io.shiporskip.api.account.TestAccounts.adminToken();
        String slug = "race-editorial-" + System.nanoTime();
        // Words of its own: other tests search the shared database for the default tool's words.
        Map<String, Object> tool = TestCatalog.toolBody(slug);
        tool.put("name", "Race Editorial");
        tool.put("vendor", "Race Labs");
        // Creating one slug twelve times: one tool, the others told it exists.
        assertEquals(Map.of(201, 1, 409, SameTime.REQUESTS - 1), SameTime.statuses(() -> given().auth().oauth2(admin)
                .contentType("application/json").body(tool)
                .when().post("/api/tools")));
        // The same review twelve times: created once, replaced by the rest; the verdict counts it once.
        assertEquals(Map.of(200, SameTime.REQUESTS - 1, 201, 1), SameTime.statuses(() -> given().auth().oauth2(admin)
                .contentType("application/json").body(Map.of("score", 70, "decision", "SHIP", "text", "Raced."))
                .when().put("/api/tools/" + slug + "/reviews/builder")));
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("reviewCount", equalTo(1)).body("ships", equalTo(1));
        // The same maker grant twelve times, then the same revocation: all succeed, one row, then none.
        String maker = io.shiporskip.api.account.TestAccounts.uniqueEmail("race-maker");
        io.shiporskip.api.account.TestAccounts.signUpVerified(maker);
        assertEquals(Map.of(204, SameTime.REQUESTS), SameTime.statuses(() -> given().auth().oauth2(admin)
                .when().put("/api/tools/" + slug + "/makers/" + maker)));
        given().auth().oauth2(io.shiporskip.api.account.TestAccounts.token(maker)).when().get("/api/me").then()
                .body("tools.slug", org.hamcrest.Matchers.contains(slug))
                .body("tools.name", org.hamcrest.Matchers.contains("Race Editorial"));
        assertEquals(Map.of(204, SameTime.REQUESTS), SameTime.statuses(() -> given().auth().oauth2(admin)
                .when().delete("/api/tools/" + slug + "/makers/" + maker)));
        given().auth().oauth2(io.shiporskip.api.account.TestAccounts.token(maker)).when().get("/api/me").then()
                .body("tools", org.hamcrest.Matchers.empty());
    }

    @Test
    void oneVerificationLinkFollowedTwelveTimesAtOnceConfirmsOnce() throws Exception {
        String email = io.shiporskip.api.account.TestAccounts.uniqueEmail("race-verify");
        io.shiporskip.api.account.TestAccounts.signUp(email);
        String token = io.shiporskip.api.account.TestAccounts.verificationToken(email);
        // Single use: one confirms, the others are told the link is spent.
        assertEquals(Map.of(200, 1, 400, SameTime.REQUESTS - 1), SameTime.statuses(() -> given()
                .contentType("application/json").body(Map.of("token", token))
                .when().post("/api/accounts/verification")));
    }

    /** After every race: nothing holds a transaction open. */
    @AfterEach
    void noSessionIsLeftIdleInTransaction() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND state LIKE 'idle in transaction%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "sessions idle in transaction");
        }
    }

    /** docs/CONSISTENCY.md's check: tools whose stored community counts differ from their vote rows. */
    static long votesRecountedWrongly() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT count(*) FROM catalog.tool t
                        WHERE t.community_ships <> (SELECT count(*) FROM catalog.vote v WHERE v.tool_id = t.id AND v.decision = 'SHIP')
                           OR t.community_skips <> (SELECT count(*) FROM catalog.vote v WHERE v.tool_id = t.id AND v.decision = 'SKIP')
                        """)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public static Connection connect() throws Exception {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

}
