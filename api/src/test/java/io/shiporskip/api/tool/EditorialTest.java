package io.shiporskip.api.tool;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.adminToken;
import static io.shiporskip.api.account.TestAccounts.jwtPart;
import static io.shiporskip.api.account.TestAccounts.signUp;
import static io.shiporskip.api.account.TestAccounts.token;
import static io.shiporskip.api.account.TestAccounts.uniqueEmail;
import static io.shiporskip.api.tool.TestCatalog.toolBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.account.TestAccounts;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Editors build a tool's page through the API; every write moves the verdict. */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class EditorialTest {

    static String versionOf(String slug) {
        return given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .extract().jsonPath().getString("version");
    }

    static void putReview(String slug, String critic, int score, String decision, int status) {
        TestCatalog.review(slug, critic, score, decision, critic + " says " + decision)
                .then().statusCode(status)
                .body("critic.slug", equalTo(critic))
                .body("score", equalTo(score))
                .body("decision", equalTo(decision))
                .body("text", equalTo(critic + " says " + decision))
                .body("publishedAt", notNullValue());
    }

    @Test
    void editorCreatesAToolAndFourReviewsAndTheVerdictFollows() {
        String admin = adminToken();
        String slug = "quill-coder-" + System.nanoTime();
        given().auth().oauth2(admin).contentType("application/json").body(toolBody(slug))
                .when().post("/api/tools")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/tools/" + slug))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Quill Coder"))
                .body("vendor", equalTo("Quill Labs"))
                .body("category", equalTo("Developer Tools"))
                .body("entryPrice", equalTo("Free"))
                .body("license", equalTo("Proprietary"))
                .body("website", equalTo("https://quill.example"))
                .body("verdict.decision", equalTo("NONE"))
                .body("verdict.reviewCount", equalTo(0))
                .body("community.state", equalTo("NO_VOTES"))
                .body("reviews", empty());

        Set<String> versions = new HashSet<>();
        versions.add(versionOf(slug));
        putReview(slug, "builder", 90, "SHIP", 201);
        versions.add(versionOf(slug));
        putReview(slug, "skeptic", 40, "SKIP", 201);
        versions.add(versionOf(slug));
        putReview(slug, "futurist", 80, "SHIP", 201);
        versions.add(versionOf(slug));
        putReview(slug, "founder", 70, "SHIP", 201);
        versions.add(versionOf(slug));
        assertEquals(5, versions.size(), "every review write changes the verdict version");

        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("decision", equalTo("SHIP"))
                .body("ships", equalTo(3))
                .body("skips", equalTo(1))
                .body("shipPercent", equalTo(75))
                .body("meanScore", equalTo(70.0f))
                .body("reviewCount", equalTo(4))
                .body("critics.critic.name", contains("Builder", "Skeptic", "Futurist", "Founder"))
                .body("critics.score", contains(90, 40, 80, 70))
                .body("critics.decision", contains("SHIP", "SKIP", "SHIP", "SHIP"));
        given().when().get("/api/tools?decision=SHIP&q=quill").then().statusCode(200)
                .body("items.slug", contains(slug));

        // Replacing a review is a 200 and re-derives the verdict.
        putReview(slug, "skeptic", 60, "SHIP", 200);
        given().when().get("/api/tools/" + slug).then().statusCode(200)
                .body("verdict.decision", equalTo("SHIP"))
                .body("verdict.ships", equalTo(4))
                .body("verdict.shipPercent", equalTo(100))
                .body("verdict.meanScore", equalTo(75.0f))
                .body("reviews", hasSize(4))
                .body("reviews[1].text", equalTo("skeptic says SHIP"));

        String before = versionOf(slug);
        given().auth().oauth2(admin).when().delete("/api/tools/" + slug + "/reviews/builder").then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/api/tools/" + slug + "/reviews/futurist").then().statusCode(204);
        assertNotEquals(before, versionOf(slug));
        putReview(slug, "founder", 30, "SKIP", 200);
        given().when().get("/api/tools/" + slug + "/verdict").then().statusCode(200)
                .body("decision", equalTo("SPLIT"))
                .body("ships", equalTo(1))
                .body("skips", equalTo(1))
                .body("shipPercent", equalTo(50))
                .body("meanScore", equalTo(45.0f))
                .body("critics.critic.name", contains("Skeptic", "Founder"));
        given().auth().oauth2(admin).when().delete("/api/tools/" + slug + "/reviews/builder")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Critic 'builder' has not reviewed '" + slug + "'"));
    }

    @Test
    void slugIsDerivedFromTheNameAndDuplicatesAre409() {
        String admin = adminToken();
        Map<String, Object> tool = toolBody(null);
        tool.remove("slug");
        tool.put("name", "Derived Name " + System.nanoTime());
        String slug = given().auth().oauth2(admin).contentType("application/json").body(tool)
                .when().post("/api/tools")
                .then().statusCode(201).extract().jsonPath().getString("slug");
        assertEquals(((String) tool.get("name")).toLowerCase().replace(' ', '-'), slug);
        tool.put("slug", slug);
        given().auth().oauth2(admin).contentType("application/json").body(tool)
                .when().post("/api/tools")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("A tool with slug '" + slug + "' already exists"));
    }

    @Test
    void aNameWithNoLettersOrDigitsNeedsASlug() {
        Map<String, Object> tool = toolBody(null);
        tool.remove("slug");
        tool.put("name", "!!! ???");
        given().auth().oauth2(adminToken()).contentType("application/json").body(tool)
                .when().post("/api/tools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body(Map.of("name", "¿¿", "lens", "Does it hold up under real load?"))
                .when().post("/api/critics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
    }

    @InvalidRequests("tools with fields the document forbids")
    @Test
    void invalidToolsAre400sNamingEveryBadFieldAndWriteNothing() {
        String admin = adminToken();
        String slug = "bad-tool-" + System.nanoTime();
        Map<String, Object> tool = toolBody(slug);
        tool.put("name", "");
        tool.put("website", "javascript:alert(1)");
        tool.put("tagline", "x".repeat(201));
        tool.remove("vendor");
        given().auth().oauth2(admin).contentType("application/json").body(tool)
                .when().post("/api/tools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("name", "tagline", "vendor", "website"));
        given().when().get("/api/tools/" + slug).then().statusCode(404);

        Map<String, Object> badSlug = toolBody("Not A Slug");
        given().auth().oauth2(admin).contentType("application/json").body(badSlug)
                .when().post("/api/tools")
                .then().statusCode(400).body("errors.field", contains("slug"));
    }

    @InvalidRequests("a blank name")
    @Test
    void patchChangesOnlyTheFieldsSentAndBumpsTheVersion() {
        String admin = adminToken();
        String slug = "patch-me-" + System.nanoTime();
        TestCatalog.createTool(toolBody(slug));
        String before = versionOf(slug);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("tagline", "Now with fewer flaky tests", "license", ""))
                .when().patch("/api/tools/" + slug)
                .then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("name", equalTo("Quill Coder"))
                .body("tagline", equalTo("Now with fewer flaky tests"))
                .body("license", nullValue())
                .body("website", equalTo("https://quill.example"));
        assertNotEquals(before, versionOf(slug));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("name", "   "))
                .when().patch("/api/tools/" + slug)
                .then().statusCode(400).body("errors.field", contains("name"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("name", "x"))
                .when().patch("/api/tools/no-such-tool")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @InvalidRequests("reviews with fields the document forbids")
    @Test
    void reviewValidationAndUnknownCritics() {
        String admin = adminToken();
        String slug = "review-rules-" + System.nanoTime();
        TestCatalog.createTool(toolBody(slug));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("score", 101, "decision", "MAYBE", "text", " "))
                .when().put("/api/tools/" + slug + "/reviews/builder")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("decision", "score", "text"));
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"score\": \"high\", \"decision\": \"SHIP\", \"text\": \"ok\"}")
                .when().put("/api/tools/" + slug + "/reviews/builder")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("score"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("score", 50, "decision", "SHIP", "text", "fine"))
                .when().put("/api/tools/" + slug + "/reviews/nobody")
                .then().statusCode(404).body("detail", equalTo("No critic with slug 'nobody'"));
        given().when().get("/api/tools/" + slug).then().statusCode(200).body("reviews", empty());
    }

    @InvalidRequests("a critic without a name")
    @Test
    void editorAddsACriticToTheEndOfThePanel() {
        String admin = adminToken();
        String slug = "ethicist-" + System.nanoTime();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("slug", slug, "name", "Ethicist", "lens", "Who pays when it goes wrong?"))
                .when().post("/api/critics")
                .then().statusCode(201)
                .body("slug", equalTo(slug))
                .body("name", equalTo("Ethicist"))
                .body("lens", equalTo("Who pays when it goes wrong?"))
                .body("position", notNullValue());
        List<String> panel = given().when().get("/api/critics").then().statusCode(200)
                .extract().jsonPath().getList("slug");
        assertEquals(slug, panel.get(panel.size() - 1));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("slug", slug, "name", "Ethicist", "lens", "Again"))
                .when().post("/api/critics")
                .then().statusCode(409);
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("lens", "no name"))
                .when().post("/api/critics")
                .then().statusCode(400).body("errors.field", contains("name"));
    }

    @InvalidRequests("a maker e-mail that is no address")
    @Test
    void grantingAndRevokingMakersShowsInTheNextToken() {
        String admin = adminToken();
        String slug = "maker-tool-" + System.nanoTime();
        TestCatalog.createTool(toolBody(slug));
        String email = uniqueEmail("maker");
        signUp(email);
        // Maker rights go only to an address its owner has proved.
        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + email)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has not confirmed its address"));
        TestAccounts.verify(email);

        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + email.toUpperCase())
                .then().statusCode(204);
        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + email).then().statusCode(204);
        String makerToken = token(email);
        Map<String, Object> claims = jwtPart(makerToken, 1);
        assertEquals(List.of("reader", "maker"), claims.get("groups"));
        assertEquals(List.of(slug), claims.get("tools"));
        given().auth().oauth2(makerToken).when().get("/api/me").then().statusCode(200)
                .body("roles", contains("reader", "maker"))
                .body("tools.slug", contains(slug))
                .body("tools.name", contains("Quill Coder"));

        given().auth().oauth2(admin).when().delete("/api/tools/" + slug + "/makers/" + email).then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/api/tools/" + slug + "/makers/" + email).then().statusCode(204);
        Map<String, Object> after = jwtPart(token(email), 1);
        assertEquals(List.of("reader"), after.get("groups"));
        assertEquals(List.of(), after.get("tools"));

        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/" + uniqueEmail("nobody"))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).when().put("/api/tools/no-such-tool/makers/" + email)
                .then().statusCode(404).body("detail", equalTo("No tool with slug 'no-such-tool'"));
        given().auth().oauth2(admin).when().put("/api/tools/" + slug + "/makers/not-an-email")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
    }
}
