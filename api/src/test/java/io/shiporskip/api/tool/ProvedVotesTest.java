package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.tool.TestCatalog.newTool;
import static io.shiporskip.api.tool.TestCatalog.vote;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.SameTime;
import io.shiporskip.api.account.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: community counts come only from accounts that proved their e-mail address. The cheapest fake is a dozen
 * throw-away sign-ups voting SKIP; it must not move the line a reader sees.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class ProvedVotesTest {

    @Test
    void anUnprovedAccountsVoteIsRefusedWithTheReasonAndNothingIsCounted() {
        String slug = newTool("unproved-vote");
        String email = TestAccounts.uniqueEmail("unproved");
        TestAccounts.signUp(email);
        String unproved = TestAccounts.token(email);
        String etag = given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("community.state", equalTo("NO_VOTES")).extract().header("ETag");

        vote(unproved, slug, "SKIP").then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("Confirm your e-mail address first"))
                .body("detail", containsString("POST /api/me/verification-mail"))
                .body("detail", containsString("only a confirmed address can vote"));
        given().auth().oauth2(unproved).when().delete("/api/tools/" + slug + "/vote").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("only a confirmed address can vote"));
        // Nothing written: the verdict (and its ETag) are as before.
        given().header("If-None-Match", etag).when().get("/api/tools/" + slug + "/verdict").then().statusCode(304);
        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("community.state", equalTo("NO_VOTES")).body("community.votes", equalTo(0));

        // Once the address is proved, the same token's vote counts (rights are read at the vote, not from the token).
        TestAccounts.verify(email);
        vote(unproved, slug, "SKIP").then().statusCode(200)
                .body("decision", equalTo("SKIP"))
                .body("community.votes", equalTo(1))
                .body("community.label", equalTo("0% ship · 1 vote"));
    }

    @Test
    void aProvedAccountsVoteCounts() {
        String slug = newTool("proved-vote");
        vote(TestAccounts.newVoterToken("proved"), slug, "SHIP").then().statusCode(200)
                .body("community.votes", equalTo(1)).body("community.label", equalTo("100% ship · 1 vote"));
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("community.votes", equalTo(1)).body("community.ships", equalTo(1));
    }

    /** The finding: 12 unproved accounts turned a tool into "0% ship · 12 votes" in seconds. */
    @Test
    void twelveUnprovedAccountsVotingAtOnceCannotMoveTheCommunityLine() throws Exception {
        String slug = newTool("unproved-crowd");
        vote(TestAccounts.newVoterToken("honest"), slug, "SHIP").then().statusCode(200);
        List<String> sockPuppets = new ArrayList<>();
        for (int i = 0; i < SameTime.REQUESTS; i++) {
            sockPuppets.add(TestAccounts.newReaderToken("puppet-" + i));
        }
        int[] next = {0};
        assertEquals(Map.of(403, SameTime.REQUESTS), SameTime.statuses(() -> {
            int i;
            synchronized (next) {
                i = next[0]++;
            }
            return vote(sockPuppets.get(i), slug, "SKIP");
        }));
        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("community.votes", equalTo(1))
                .body("community.skips", equalTo(0))
                .body("community.label", equalTo("100% ship · 1 vote"));
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("community.label", equalTo("100% ship · 1 vote"));
    }
}
