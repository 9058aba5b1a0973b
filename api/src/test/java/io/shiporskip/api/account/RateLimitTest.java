package io.shiporskip.api.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-up per client address and writes per account run out, with 429, Retry-After and RateLimit-* headers. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits extends AccountsProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shiporskip.limit.sign-up", "3", "shiporskip.limit.writes", "4",
                    "shiporskip.limit.sign-in-failures-per-client", "8", "shiporskip.limit.sign-in-failures-per-account", "12",
                    "shiporskip.limit.password-resets", "2");
        }
    }

    @Test
    void accountCreationIsLimitedPerClientAddress() {
        // The admin bootstrap does not count: it is not a request. Three sign-ups pass, the fourth is refused.
        for (int i = 1; i <= 3; i++) {
            given().contentType("application/json")
                    .body(Map.of("email", TestAccounts.uniqueEmail("limit"), "password", TestAccounts.PASSWORD,
                            "displayName", "Limited"))
                    .when().post("/api/accounts")
                    .then().statusCode(201)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(3 - i));
        }
        String refused = TestAccounts.uniqueEmail("refused");
        given().contentType("application/json")
                .body(Map.of("email", refused, "password", TestAccounts.PASSWORD, "displayName", "Refused"))
                .when().post("/api/accounts")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .body("detail", containsString("account creation"));
        // Refused means not written: the account does not exist.
        given().contentType("application/json").body(Map.of("email", refused, "password", TestAccounts.PASSWORD))
                .when().post("/api/auth/token").then().statusCode(401);
    }

    @Test
    void passwordResetRequestsAreLimitedPerClientAddress() {
        // Any address, known or not: the allowance is the client's, so probing many addresses is not free either.
        for (int i = 1; i <= 2; i++) {
            given().header("X-Forwarded-For", "192.0.2.77").contentType("application/json")
                    .body(Map.of("email", TestAccounts.uniqueEmail("reset-limit")))
                    .when().post("/api/auth/password-reset").then().statusCode(202)
                    .header("RateLimit-Remaining", Integer.toString(2 - i));
        }
        given().header("X-Forwarded-For", "192.0.2.77").contentType("application/json")
                .body(Map.of("email", TestAccounts.uniqueEmail("reset-limit")))
                .when().post("/api/auth/password-reset").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("password reset"));
    }

    @Test
    void writesAreLimitedPerAccount() {
        String admin = TestAccounts.adminToken();
        for (int i = 1; i <= 4; i++) {
            given().auth().oauth2(admin).when().put("/api/me/bookmarks/smolvlm2")
                    .then().statusCode(204).header("RateLimit-Remaining", Integer.toString(4 - i));
        }
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("decision", "SHIP"))
                .when().put("/api/tools/smolvlm2/vote")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        // The refused vote was not counted.
        given().when().get("/api/tools/smolvlm2").then().statusCode(200).body("community.votes", equalTo(0));
        // Reads are not limited.
        given().auth().oauth2(admin).when().get("/api/me").then().statusCode(200);
    }
}
