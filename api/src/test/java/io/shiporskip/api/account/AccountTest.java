package io.shiporskip.api.account;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.PASSWORD;
import static io.shiporskip.api.account.TestAccounts.jwtPart;
import static io.shiporskip.api.account.TestAccounts.signUp;
import static io.shiporskip.api.account.TestAccounts.token;
import static io.shiporskip.api.account.TestAccounts.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shiporskip.api.AccountsProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in, tokens and "who am I". */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class AccountTest {

    @Test
    void signUpCreatesAReaderWithANormalisedEmailAndNeverEchoesThePassword() {
        String email = uniqueEmail("Alice");
        Response response = given().contentType("application/json")
                .body(Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD, "displayName", " Alice "))
                .when().post("/api/accounts");
        response.then().statusCode(201)
                .contentType("application/json")
                .header("Location", containsString("/api/me"))
                .header("RateLimit-Limit", "10000")
                .body("id", notNullValue())
                .body("email", equalTo(email.toLowerCase()))
                .body("displayName", equalTo("Alice"))
                .body("roles", contains("reader"))
                .body("tools", empty())
                .body("emailVerified", equalTo(false))
                .body("createdAt", notNullValue());
        Map<String, Object> body = response.jsonPath().getMap("");
        assertEquals(Set.of("id", "email", "displayName", "emailVerified", "roles", "tools", "createdAt"), body.keySet());
        assertFalse(response.asString().contains(PASSWORD));
        assertFalse(response.asString().contains("$2a$"));
    }

    @Test
    void duplicateEmailIsA409EvenInAnotherCase() {
        String email = uniqueEmail("dup");
        TestAccounts.signUpVerified(email);
        given().contentType("application/json")
                .body(Map.of("email", email.toUpperCase(), "password", "another password", "displayName", "Dup"))
                .when().post("/api/accounts")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("An account with this e-mail already exists"));
    }

    @InvalidRequests("sign-ups with fields the document forbids")
    @Test
    void invalidSignUpsAre400sNamingTheField() {
        given().contentType("application/json")
                .body(Map.of("email", uniqueEmail("short"), "password", "123456789", "displayName", "Short"))
                .when().post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("password"))
                .body("errors[0].message", equalTo("size must be between 10 and 200"))
                .body(not(containsString("123456789")));
        given().contentType("application/json")
                .body(Map.of("email", uniqueEmail("long"), "password", "x".repeat(201), "displayName", "Long"))
                .when().post("/api/accounts")
                .then().statusCode(400).body("errors.field", contains("password"));
        given().contentType("application/json")
                .body(Map.of("email", "not-an-address", "password", PASSWORD, "displayName", "Nobody"))
                .when().post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("email"));
        given().contentType("application/json")
                .body(Map.of("email", uniqueEmail("blank"), "password", PASSWORD, "displayName", "  "))
                .when().post("/api/accounts")
                .then().statusCode(400).body("errors.field", contains("displayName"));
        given().contentType("application/json").body("{}")
                .when().post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("displayName", "email", "password"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "\"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"aaaaaaaaaa", "          ", "1234567890", "password123",
            "qwertyuiop", "the e-mail itself", "Ann Lee Ann Lee"})
    void commonAndTrivialPasswordsAre400sNamingThePassword(String choice) {
        String email = "ann.lee." + System.nanoTime() + "@example.com";
        String password = choice.equals("the e-mail itself") ? email : choice;
        given().contentType("application/json")
                .body(Map.of("email", email, "password", password, "displayName", "Ann Lee Ann Lee"))
                .when().post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", containsString("too easy to guess"))
                .body(not(containsString(password.strip().isEmpty() ? "\u0000" : password)));
        given().contentType("application/json").body(Map.of("email", email, "password", PASSWORD))
                .when().post("/api/auth/token").then().statusCode(401);
    }

    @InvalidRequests("malformed JSON, a wrong Content-Type and no body")
    @Test
    void malformedJsonWrongContentTypeAndNoBodyAreProblemsNot500s() {
        given().contentType("application/json").body("{\"email\": ")
                .when().post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON for this endpoint"));
        given().contentType("text/plain").body("email=a@b.c")
                .when().post("/api/accounts")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().contentType("application/json")
                .when().post("/api/auth/token")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("[1,2]")
                .when().post("/api/auth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON for this endpoint"));
        given().contentType("application/json").body("{\"email\": {\"nested\": true}, \"password\": \"x\"}")
                .when().post("/api/auth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo("has the wrong type"));
    }

    /** A body over quarkus.http.limits.max-body-size (64K) is refused by OversizeBodyGuard before anything reads it. */
    @InvalidRequests("a body over 64 KiB")
    @Test
    void oversizedBodyIsA413ProblemAndCreatesNothing() {
        String huge = "{\"email\":\"big@example.com\",\"password\":\"" + "x".repeat(70 * 1024) + "\",\"displayName\":\"Big\"}";
        given().contentType("application/json").body(huge)
                .when().post("/api/accounts")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than 64 KiB"));
        // nothing was written: the same address can still sign up
        given().contentType("application/json")
                .body(Map.of("email", "big@example.com", "password", PASSWORD, "displayName", "Big"))
                .when().post("/api/accounts")
                .then().statusCode(201);
    }

    @Test
    void signInIssuesAnRs256TokenWithIssuerSubjectGroupsAndTools() {
        String email = uniqueEmail("token");
        long id = signUp(email);
        Response response = given().contentType("application/json")
                .body(Map.of("email", " " + email.toUpperCase(), "password", PASSWORD))
                .when().post("/api/auth/token");
        response.then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(3600))
                .body("accessToken", notNullValue());
        String jwt = response.jsonPath().getString("accessToken");
        Map<String, Object> header = jwtPart(jwt, 0);
        assertEquals("RS256", header.get("alg"));
        String kid = given().when().get("/api/auth/jwks.json").then().statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].e", equalTo("AQAB"))
                .extract().jsonPath().getString("keys[0].kid");
        assertEquals(kid, header.get("kid"));
        Map<String, Object> claims = jwtPart(jwt, 1);
        assertEquals("https://shiporskip.example/issuer", claims.get("iss"));
        assertEquals(Long.toString(id), claims.get("sub"));
        assertEquals(List.of("reader"), claims.get("groups"));
        assertEquals(List.of(), claims.get("tools"));
        assertEquals(3600, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
        assertFalse(claims.containsKey("email"));

        given().auth().oauth2(jwt).when().get("/api/me")
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("email", equalTo(email))
                .body("displayName", equalTo("Test Reader"))
                .body("roles", contains("reader"))
                .body("tools", empty())
                .body("passwordHash", nullValue())
                .body("password", nullValue());
    }

    @Test
    void adminFromConfigurationSignsInWithTheAdminGroup() {
        String jwt = TestAccounts.adminToken();
        assertEquals(List.of("reader", "admin"), jwtPart(jwt, 1).get("groups"));
        given().auth().oauth2(jwt).when().get("/api/me").then().statusCode(200)
                .body("email", equalTo(TestAccounts.ADMIN_EMAIL))
                .body("roles", contains("reader", "admin"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail("wrong");
        signUp(email);
        Response wrongPassword = given().contentType("application/json")
                .body(Map.of("email", email, "password", "not the password"))
                .when().post("/api/auth/token");
        Response unknownEmail = given().contentType("application/json")
                .body(Map.of("email", uniqueEmail("nobody"), "password", "not the password"))
                .when().post("/api/auth/token");
        wrongPassword.then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("The e-mail or password is wrong"))
                .body("instance", equalTo("/api/auth/token"));
        unknownEmail.then().statusCode(401).contentType("application/problem+json");
        assertEquals(wrongPassword.asString(), unknownEmail.asString());
        assertEquals(wrongPassword.contentType(), unknownEmail.contentType());
    }

    @Test
    void repeatedFailuresForOneAccountAreRefusedWith429EvenWithTheRightPassword() {
        String email = uniqueEmail("brute");
        signUp(email);
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").body(Map.of("email", email, "password", "guess number " + i))
                    .when().post("/api/auth/token").then().statusCode(401);
        }
        given().contentType("application/json").body(Map.of("email", email, "password", PASSWORD))
                .when().post("/api/auth/token")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "0")
                .body("status", equalTo(429))
                .body("detail", containsString("failed sign-in"));
        // Another account is not affected, and an unknown address is throttled the same way.
        String other = uniqueEmail("innocent");
        signUp(other);
        token(other);
        String unknown = uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").body(Map.of("email", unknown, "password", "guess number " + i))
                    .when().post("/api/auth/token").then().statusCode(401);
        }
        given().contentType("application/json").body(Map.of("email", unknown, "password", "guess"))
                .when().post("/api/auth/token").then().statusCode(429);
    }

    @InvalidRequests("protected routes called without a usable token")
    @Test
    void protectedRoutesAnswer401ProblemsWithAChallenge() {
        given().when().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("detail", equalTo("A valid bearer token is required"));
        given().auth().oauth2("not.a.jwt").when().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestAccounts.foreignIssuerAdminToken()).when().get("/api/me").then().statusCode(401);
        // A bad token does not stop public reads.
        given().auth().oauth2(TestAccounts.expiredAdminToken()).when().get("/api/tools/smolvlm2").then().statusCode(200);
    }

    @Test
    void jwksPublishesTheDevPublicKeyInTests() {
        String n = given().when().get("/api/auth/jwks.json").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .extract().jsonPath().getString("keys[0].n");
        assertTrue(n.length() > 300, "a 2048-bit modulus");
    }

    @Test
    void openApiDescribesTheAccountRoutesAndTheirBearerScheme() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/accounts'.post.summary", equalTo("Create a reader account"))
                .body("paths.'/api/auth/token'.post.summary", notNullValue())
                .body("paths.'/api/auth/jwks.json'.get.summary", notNullValue())
                .body("paths.'/api/me'.get.security", notNullValue())
                .body("paths.'/api/me/bookmarks'.get.summary", notNullValue())
                .body("paths.'/api/tools/{slug}/vote'.put.security", notNullValue())
                .body("paths.'/api/tools/{slug}/reviews/{critic}'.put.summary", notNullValue())
                .body("paths.'/api/tools/{slug}/makers/{email}'.delete.summary", notNullValue())
                .body("paths.'/api/me'.get.security[0].bearerAuth", empty())
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearerAuth.description", containsString("groups"))
                // Public: an explicit empty requirement (no token needed), not a missing one.
                .body("paths.'/api/accounts'.post.security", empty());
    }
}
