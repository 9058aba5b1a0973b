package io.shiporskip.api.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.account.TestAccounts;
import io.shiporskip.api.tool.TestCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every 201 the api answers, asked with a hostile Host header: a Location, where there is one, comes from the
 * configured public URL (https://api.shiporskip.example in tests), never from the request.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class LocationHeaderTest {

    private static final String HOSTILE = "evil.example";
    private static final String PUBLIC = "https://api\\.shiporskip\\.example";

    @Test
    void signUp() {
        given().header("Host", HOSTILE).contentType("application/json")
                .body(Map.of("email", TestAccounts.uniqueEmail("location"), "password", TestAccounts.PASSWORD,
                        "displayName", "Location"))
                .when().post("/api/accounts").then().statusCode(201)
                .header("Location", equalTo("https://api.shiporskip.example/api/me"));
    }

    @Test
    void createTool() {
        String slug = TestCatalog.uniqueSlug("location-tool");
        given().header("Host", HOSTILE).auth().oauth2(TestAccounts.adminToken()).contentType("application/json")
                .body(ownWords(slug))
                .when().post("/api/tools").then().statusCode(201)
                .header("Location", equalTo("https://api.shiporskip.example/api/tools/" + slug));
    }

    @Test
    void claimATool() {
        String slug = TestCatalog.createTool(ownWords(TestCatalog.uniqueSlug("location-claim")));
        String email = TestAccounts.uniqueEmail("location-claimant");
        TestAccounts.signUpVerified(email);
        given().header("Host", HOSTILE).auth().oauth2(TestAccounts.token(email))
                .when().post("/api/tools/" + slug + "/claims").then().statusCode(201)
                .header("Location", matchesPattern(PUBLIC + "/api/tools/" + slug + "/claims/[^/]+"));
    }

    @Test
    void createdReviewsAndCriticsCarryNoLocationAtAll() {
        // A PUT creates at its own URL, and a critic has no URL of its own: neither answers a Location to misdirect.
        String slug = TestCatalog.createTool(ownWords(TestCatalog.uniqueSlug("location-review")));
        given().header("Host", HOSTILE).auth().oauth2(TestAccounts.adminToken()).contentType("application/json")
                .body(Map.of("score", 70, "decision", "SHIP", "text", "Solid."))
                .when().put("/api/tools/" + slug + "/reviews/builder").then().statusCode(201)
                .header("Location", nullValue());
        given().header("Host", HOSTILE).auth().oauth2(TestAccounts.adminToken()).contentType("application/json")
                .body(Map.of("slug", "location-critic-" + System.nanoTime(), "name", "Located", "lens", "Where"))
                .when().post("/api/critics").then().statusCode(201)
                .header("Location", nullValue());
    }

    /** Words of its own: other tests search the shared database for the default tool's. */
    private static Map<String, Object> ownWords(String slug) {
        Map<String, Object> tool = TestCatalog.toolBody(slug);
        tool.put("name", "Located Thing");
        tool.put("vendor", "Located Labs");
        tool.put("tagline", "Points somewhere");
        tool.put("website", "https://located.example");
        return tool;
    }
}
