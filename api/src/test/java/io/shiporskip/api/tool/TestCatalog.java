package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.shiporskip.api.account.TestAccounts;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tools, reviews and votes for tests, made through the real routes as an editor or a reader would. Requests whose
 * answer a test checks come back as the {@link Response}; the rest check their own status.
 */
public final class TestCatalog {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestCatalog() {
    }

    /** A slug no other test uses. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + COUNTER.incrementAndGet();
    }

    /** A valid body for POST /api/tools; {@code slug} null leaves it to be derived from the name. */
    public static Map<String, Object> toolBody(String slug) {
        Map<String, Object> tool = new HashMap<>();
        tool.put("slug", slug);
        tool.put("name", "Quill Coder");
        tool.put("vendor", "Quill Labs");
        tool.put("tagline", "An editor plug-in that writes the boring half of your tests");
        tool.put("description", "Generates unit tests from your diff and explains each one.");
        tool.put("category", "Developer Tools");
        tool.put("pricing", "Free tier / $12 per month");
        tool.put("entryPrice", "Free");
        tool.put("license", "Proprietary");
        tool.put("website", "https://quill.example");
        return tool;
    }

    /** The admin creates this tool (201); returns its slug. */
    public static String createTool(Map<String, Object> body) {
        given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json").body(body)
                .when().post("/api/tools").then().statusCode(201);
        return (String) body.get("slug");
    }

    /** A new tool of {@link #toolBody} under a fresh slug; returns the slug. */
    public static String newTool(String prefix) {
        return createTool(toolBody(uniqueSlug(prefix)));
    }

    /** The admin writes (or replaces) this critic's review. */
    public static Response review(String slug, String critic, int score, String decision, String text) {
        return given().auth().oauth2(TestAccounts.adminToken()).contentType("application/json")
                .body(Map.of("score", score, "decision", decision, "text", text))
                .when().put("/api/tools/" + slug + "/reviews/" + critic);
    }

    /** A review whose text says only its score. */
    public static Response review(String slug, String critic, int score, String decision) {
        return review(slug, critic, score, decision, "Scored " + score + " after a week of use.");
    }

    /** The reader behind {@code token} votes SHIP or SKIP. */
    public static Response vote(String token, String slug, String decision) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("decision", decision))
                .when().put("/api/tools/" + slug + "/vote");
    }
}
