package io.shiporskip.api.account;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.PASSWORD;
import static io.shiporskip.api.account.TestAccounts.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.TestClock;
import io.shiporskip.api.account.service.RecoveryMail;
import io.shiporskip.api.contract.InvalidRequests;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An address belongs to whoever reads its mail: an attacker who signs up first with a maker's address loses it the
 * moment the maker follows the claim or reset link, with every token of theirs; a reset and a change revoke every
 * earlier token; each mailed link works once, before it expires, and only from its page's form.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class AccountRecoveryTest {

    static final String OWNER_PASSWORD = "the founder's own quiet phrase";
    static final String ATTACKER_PASSWORD = "attacker keeps this phrase";

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void theOwnerSigningUpLaterWinsTheAddressFromAnUnprovedAttacker() {
        String email = uniqueEmail("founder");
        signUp(email, ATTACKER_PASSWORD, "Squatter").then().statusCode(201);
        String attackerToken = TestAccounts.token(email, ATTACKER_PASSWORD);

        // The owner's sign-up is answered as any collision with an unproved account always was: a 409.
        signUp(email, OWNER_PASSWORD, "Founder").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("waiting for its address to be confirmed"));
        String claim = TestAccounts.linkToken(email, RecoveryMail.CLAIM_SUBJECT, "/api/accounts/claim");
        String mail = TestAccounts.mailsTo(email, RecoveryMail.CLAIM_SUBJECT).get(0).getText();
        assertTrue(mail.contains("\"Squatter\"") && mail.contains("\"Founder\"") && mail.contains("signed out everywhere"),
                mail);

        // Opening the link changes nothing; the page says which account and what will happen.
        given().when().get("/api/accounts/claim?token=" + claim).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .body(containsString("&quot;Squatter&quot;"))
                .body(containsString("&quot;Founder&quot;"))
                .body(containsString("<form method=\"post\" action=\"https://api.shiporskip.example/api/accounts/claim\">"));
        given().auth().oauth2(attackerToken).when().get("/api/me").then().statusCode(200);

        given().contentType("application/x-www-form-urlencoded").body("token=" + claim)
                .when().post("/api/accounts/claim").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("The address is yours"));

        String ownerToken = TestAccounts.token(email, OWNER_PASSWORD);
        given().auth().oauth2(ownerToken).when().get("/api/me").then().statusCode(200)
                .body("emailVerified", equalTo(true)).body("displayName", equalTo("Founder"));
        signIn(email, ATTACKER_PASSWORD).then().statusCode(401);
        given().auth().oauth2(attackerToken).when().get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        // Single use.
        given().contentType("application/json").body(Map.of("token", claim))
                .when().post("/api/accounts/claim").then().statusCode(400).body("errors[0].field", equalTo("token"));
    }

    @Test
    void theOwnerResetsThePasswordOfAnAccountAnAttackerOpenedWithTheirAddress() {
        String email = uniqueEmail("reset-owner");
        signUp(email, ATTACKER_PASSWORD, "Squatter").then().statusCode(201);
        String attackerToken = TestAccounts.token(email, ATTACKER_PASSWORD);

        requestReset(email);
        String reset = TestAccounts.linkToken(email, RecoveryMail.RESET_SUBJECT, "/api/auth/password-reset/confirm");
        given().when().get("/api/auth/password-reset/confirm?token=" + reset).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .body(containsString("&quot;Squatter&quot;"))
                .body(containsString("type=\"password\" id=\"password\" name=\"password\""));
        signIn(email, ATTACKER_PASSWORD).then().statusCode(200); // the GET changed nothing

        // The sign-up rules hold, and a refused password leaves the link usable.
        given().contentType("application/json").body(Map.of("token", reset, "password", "password123"))
                .when().post("/api/auth/password-reset/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("password"));
        given().contentType("application/json").body(Map.of("token", reset, "password", OWNER_PASSWORD))
                .when().post("/api/auth/password-reset/confirm").then().statusCode(204);

        given().auth().oauth2(TestAccounts.token(email, OWNER_PASSWORD)).when().get("/api/me").then().statusCode(200)
                .body("emailVerified", equalTo(true));
        signIn(email, ATTACKER_PASSWORD).then().statusCode(401);
        given().auth().oauth2(attackerToken).when().get("/api/me").then().statusCode(401);
        given().contentType("application/json").body(Map.of("token", reset, "password", "another fine long phrase"))
                .when().post("/api/auth/password-reset/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("token"));
    }

    @Test
    void theResetPageFormSetsThePasswordAndAnswersAPage() {
        String email = uniqueEmail("reset-form");
        TestAccounts.signUpVerified(email);
        requestReset(email);
        String reset = TestAccounts.linkToken(email, RecoveryMail.RESET_SUBJECT, "/api/auth/password-reset/confirm");
        given().contentType("application/x-www-form-urlencoded").body("token=" + reset + "&password=short")
                .when().post("/api/auth/password-reset/confirm").then().statusCode(400)
                .contentType(containsString("text/html"));
        given().contentType("application/x-www-form-urlencoded")
                .body("token=" + reset + "&password=" + OWNER_PASSWORD.replace(" ", "+").replace("'", "%27"))
                .when().post("/api/auth/password-reset/confirm").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Password changed"));
        signIn(email, OWNER_PASSWORD).then().statusCode(200);
        signIn(email, PASSWORD).then().statusCode(401);
    }

    @Test
    void aResetAnswersTheSameForEveryAddressAndMailsOnlyAccounts() {
        String nobody = uniqueEmail("nobody");
        requestReset(nobody);
        assertEquals(0, TestAccounts.mailsTo(nobody, RecoveryMail.RESET_SUBJECT).size());
        given().contentType("application/json").body(Map.of("email", "not an address"))
                .when().post("/api/auth/password-reset").then().statusCode(400).body("errors[0].field", equalTo("email"));
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        String email = uniqueEmail("reset-expiry");
        TestAccounts.signUpVerified(email);
        requestReset(email);
        String reset = TestAccounts.linkToken(email, RecoveryMail.RESET_SUBJECT, "/api/auth/password-reset/confirm");
        TestClock.advance(Duration.ofMinutes(59));
        given().when().get("/api/auth/password-reset/confirm?token=" + reset).then().statusCode(200);
        TestClock.advance(Duration.ofMinutes(2));
        given().when().get("/api/auth/password-reset/confirm?token=" + reset).then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("This link does not work"));
        given().contentType("application/json").body(Map.of("token", reset, "password", OWNER_PASSWORD))
                .when().post("/api/auth/password-reset/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("token"));
        signIn(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void aClaimLinkExpiresWithTheVerificationLifetime() {
        String email = uniqueEmail("claim-expiry");
        signUp(email, ATTACKER_PASSWORD, "Squatter").then().statusCode(201);
        signUp(email, OWNER_PASSWORD, "Founder").then().statusCode(409);
        String claim = TestAccounts.linkToken(email, RecoveryMail.CLAIM_SUBJECT, "/api/accounts/claim");
        TestClock.advance(Duration.ofHours(48).plusMinutes(1));
        given().contentType("application/json").body(Map.of("token", claim))
                .when().post("/api/accounts/claim").then().statusCode(400).body("errors[0].field", equalTo("token"));
        signIn(email, ATTACKER_PASSWORD).then().statusCode(200);
    }

    @Test
    void aClaimNoLongerAppliesOnceTheHolderProvedTheAddress() {
        // The owner signed up first and forgot; a later sign-up (someone else's) asks for the address; the owner then
        // confirms their own account. The stale claim link must not hand their account to the later password.
        String email = uniqueEmail("claim-stale");
        signUp(email, OWNER_PASSWORD, "Founder").then().statusCode(201);
        signUp(email, ATTACKER_PASSWORD, "Squatter").then().statusCode(409);
        String claim = TestAccounts.linkToken(email, RecoveryMail.CLAIM_SUBJECT, "/api/accounts/claim");
        TestAccounts.verify(email);
        given().when().get("/api/accounts/claim?token=" + claim).then().statusCode(400)
                .contentType(containsString("text/html"));
        given().contentType("application/json").body(Map.of("token", claim))
                .when().post("/api/accounts/claim").then().statusCode(400).body("errors[0].field", equalTo("token"));
        signIn(email, OWNER_PASSWORD).then().statusCode(200);
        signIn(email, ATTACKER_PASSWORD).then().statusCode(401);
    }

    @Test
    void aPasswordChangeRevokesEveryEarlierTokenAndNeedsTheCurrentPassword() {
        String email = uniqueEmail("change");
        TestAccounts.signUpVerified(email);
        String before = TestAccounts.token(email);
        given().auth().oauth2(before).contentType("application/json")
                .body(Map.of("currentPassword", "not my password", "newPassword", OWNER_PASSWORD))
                .when().put("/api/me/password").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(before).contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "aaaaaaaaaa"))
                .when().put("/api/me/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        given().auth().oauth2(before).contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", OWNER_PASSWORD))
                .when().put("/api/me/password").then().statusCode(204);
        // Every token issued before, this one included, is refused at once; one signed in right after works, even
        // within the same second as the change.
        given().auth().oauth2(before).when().get("/api/me").then().statusCode(401);
        String after = TestAccounts.token(email, OWNER_PASSWORD);
        given().auth().oauth2(after).when().get("/api/me").then().statusCode(200);
        signIn(email, PASSWORD).then().statusCode(401);
    }

    @Test
    @InvalidRequests("a password change without a token")
    void theNewRoutesRefuseCallersWithoutTheRightToken() {
        String victim = uniqueEmail("victim");
        TestAccounts.signUpVerified(victim);
        String other = TestAccounts.newReaderToken("other");
        Map<String, String> change = Map.of("currentPassword", PASSWORD, "newPassword", OWNER_PASSWORD);
        // No token.
        given().contentType("application/json").body(change).when().put("/api/me/password").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        // Every account is a reader, so no role is missing; another user's token changes only its own account, and
        // only with its own current password (the victim's password is no use there).
        given().auth().oauth2(other).contentType("application/json")
                .body(Map.of("currentPassword", "the victim's guess", "newPassword", OWNER_PASSWORD))
                .when().put("/api/me/password").then().statusCode(403);
        signIn(victim, PASSWORD).then().statusCode(200);
        // Expired, forged and foreign tokens.
        for (String token : new String[] {TestAccounts.expiredAdminToken(), TestAccounts.forgedAdminToken(),
                TestAccounts.foreignIssuerAdminToken()}) {
            given().auth().oauth2(token).contentType("application/json").body(change)
                    .when().put("/api/me/password").then().statusCode(401);
        }
        // The public routes take no token: a reset needs the mailbox, a claim the mailed link.
        given().auth().oauth2(other).contentType("application/json").body(Map.of("token", "a".repeat(43)))
                .when().post("/api/accounts/claim").then().statusCode(400);
    }

    private static io.restassured.response.Response signUp(String email, String password, String name) {
        return given().contentType("application/json")
                .body(Map.of("email", email, "password", password, "displayName", name))
                .when().post("/api/accounts");
    }

    static io.restassured.response.Response signIn(String email, String password) {
        return given().contentType("application/json").body(Map.of("email", email, "password", password))
                .when().post("/api/auth/token");
    }

    static void requestReset(String email) {
        given().contentType("application/json").body(Map.of("email", email))
                .when().post("/api/auth/password-reset").then().statusCode(202).header("Cache-Control", "no-store");
    }

}
