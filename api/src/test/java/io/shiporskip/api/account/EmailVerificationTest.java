package io.shiporskip.api.account;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.PASSWORD;
import static io.shiporskip.api.account.TestAccounts.adminToken;
import static io.shiporskip.api.account.TestAccounts.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.tool.ConcurrentWritesTest;
import io.shiporskip.api.tool.TestCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new account proves its address through a mailed single-use link; maker rights go only to a proved address, so
 * an impostor who signs up with a founder's address gets nothing, and cannot keep the address from its owner.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class EmailVerificationTest {

    @Test
    void theMailedLinkProvesTheAddressOnceAndOnlyItsPostDoes() {
        String email = uniqueEmail("verify");
        TestAccounts.signUp(email);
        String reader = TestAccounts.token(email);
        given().auth().oauth2(reader).when().get("/api/me").then().statusCode(200).body("emailVerified", equalTo(false));

        String token = TestAccounts.verificationToken(email);
        // Opening the link (or a mail scanner prefetching it) only shows the button.
        given().when().get("/api/accounts/verification?token=" + token).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"https://api.shiporskip.example/api/accounts/verification\">"));
        given().auth().oauth2(reader).when().get("/api/me").then().body("emailVerified", equalTo(false));

        given().contentType("application/x-www-form-urlencoded").body("token=" + token)
                .when().post("/api/accounts/verification").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("is confirmed"));
        given().auth().oauth2(reader).when().get("/api/me").then().body("emailVerified", equalTo(true));
        // Single use: the link clicked again is a page saying so; an app posting JSON gets the problem.
        given().contentType("application/x-www-form-urlencoded").body("token=" + token)
                .when().post("/api/accounts/verification").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("<h1>This link does not work</h1>"));
        given().when().get("/api/accounts/verification?token=%3Cscript%3E").then().statusCode(400)
                .contentType(containsString("text/html")).body(not(containsString("<script>")));
        given().contentType("application/json").body(Map.of("token", token))
                .when().post("/api/accounts/verification").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("token"));
        given().contentType("application/json").body(Map.of("token", "not-a-token"))
                .when().post("/api/accounts/verification").then().statusCode(400).body("errors[0].field", equalTo("token"));
    }

    @Test
    void anImpostorGetsNoMakerRightsAndTheOwnerGetsTheAddressBack() throws Exception {
        String admin = adminToken();
        String slug = TestCatalog.newTool("verified-maker");
        String founder = uniqueEmail("founder");
        TestAccounts.signUp(founder); // the impostor, who cannot read the founder's mail
        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + founder).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("has not confirmed its address"));
        // While the impostor's link could still be followed, the address is held, and the answer says why.
        given().contentType("application/json")
                .body(Map.of("email", founder, "password", "the founder's own phrase", "displayName", "Founder"))
                .when().post("/api/accounts").then().statusCode(409).body("detail", containsString("waiting for its address"));

        // Once the link has lapsed, the real founder signs up afresh, and the impostor's password is gone.
        try (Connection connection = ConcurrentWritesTest.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE catalog.account SET created_at = now() - interval '3 days' WHERE email = ?")) {
            statement.setString(1, founder);
            statement.executeUpdate();
        }
        given().contentType("application/json")
                .body(Map.of("email", founder, "password", "the founder's own phrase", "displayName", "Founder"))
                .when().post("/api/accounts").then().statusCode(201).body("emailVerified", equalTo(false));
        given().contentType("application/json").body(Map.of("email", founder, "password", PASSWORD))
                .when().post("/api/auth/token").then().statusCode(401);
        TestAccounts.verify(founder);
        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + founder).then().statusCode(204);
        given().auth().oauth2(TestAccounts.token(founder, "the founder's own phrase")).when().get("/api/me")
                .then().body("roles", org.hamcrest.Matchers.contains("reader", "maker"));
    }

    @InvalidRequests("a resend without a token")
    @Test
    void aLostMailCanBeSentAgainAndEarlierLinksStillWork() {
        String email = uniqueEmail("resend");
        TestAccounts.signUp(email);
        String first = TestAccounts.verificationToken(email);
        given().auth().oauth2(TestAccounts.token(email)).when().post("/api/me/verification-mail").then().statusCode(202);
        given().contentType("application/json").body(Map.of("token", first))
                .when().post("/api/accounts/verification").then().statusCode(200).body("emailVerified", equalTo(true));
        given().when().post("/api/me/verification-mail").then().statusCode(401);
    }

    @Test
    void locationComesFromTheConfiguredPublicUrlNeverFromHost() {
        given().header("Host", "evil.example").contentType("application/json")
                .body(Map.of("email", uniqueEmail("host"), "password", PASSWORD, "displayName", "Host"))
                .when().post("/api/accounts").then().statusCode(201)
                .header("Location", equalTo("https://api.shiporskip.example/api/me"));
    }
}
