package io.shiporskip.api.platform;

import static io.restassured.RestAssured.given;
import static io.shiporskip.api.account.TestAccounts.adminToken;
import static io.shiporskip.api.account.TestAccounts.newVoterToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.tool.TestCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every public GET answers with an ETag, Cache-Control and Vary; If-None-Match naming the current ETag — strong,
 * weak ({@code W/}), in a list, or {@code *} — gets 304 without a body; and after a write that changes what the route
 * shows, the old ETag gets the new representation.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class HttpCachingTest {

    /** The checks every conditional route passes; returns the ETag of the current representation. */
    static String conditional(String path) {
        String etag = given().when().get(path).then().statusCode(200)
                .header("ETag", matchesPattern("\"[^\"\\s]+\""))
                .header("Cache-Control", not(emptyString()))
                .header("Vary", containsString("Origin"))
                .header("Vary", containsString("Accept-Encoding"))
                .extract().header("ETag");
        String opaque = etag.substring(1, etag.length() - 1);
        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", W/\"x\",  " + etag, "W/\"x\"," + etag, "*")) {
            given().header("If-None-Match", ifNoneMatch).when().get(path).then().statusCode(304)
                    .header("ETag", equalTo(etag))
                    .header("Cache-Control", not(emptyString()))
                    .header("Vary", containsString("Origin"))
                    .body(emptyString());
        }
        for (String ifNoneMatch : List.of("\"other\"", "W/\"other\", \"" + opaque + "x\"", opaque, "\"" + opaque)) {
            given().header("If-None-Match", ifNoneMatch).when().get(path).then().statusCode(200)
                    .header("ETag", equalTo(etag));
        }
        return etag;
    }

    /** After a write: the old ETag no longer matches, and the new one does. */
    static void changed(String path, String before) {
        String after = given().header("If-None-Match", before).when().get(path).then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(before, after, path + " kept its ETag across a change");
        given().header("If-None-Match", after).when().get(path).then().statusCode(304);
    }

    private static String newTool(String category) {
        Map<String, Object> body = TestCatalog.toolBody(TestCatalog.uniqueSlug("etag"));
        // Words of its own: other tests search this database for the shared body's words ("quill").
        body.put("name", "Etagprobe");
        body.put("vendor", "Etagprobe Labs");
        body.put("tagline", "A probe of conditional requests");
        body.put("description", "Exists so that caching headers can be checked.");
        body.put("category", category);
        return TestCatalog.createTool(body);
    }

    private static void review(String slug, int score, String decision) {
        TestCatalog.review(slug, "builder", score, decision).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void aToolsReadsRevalidateAndChangeWithAReview() {
        String category = "Etag Tools " + System.nanoTime();
        String slug = newTool(category);
        review(slug, 80, "SHIP");
        List<String> paths = List.of("/api/tools/" + slug, "/api/tools/" + slug + "/verdict",
                "/api/tools/" + slug + "/share", "/api/comparisons?tools=" + slug + ",smolvlm2",
                "/tool/" + slug, "/compare?tools=" + slug + ",smolvlm2");
        List<String> etags = new ArrayList<>();
        // Twice: the second round is served from the read cache, with the same ETag.
        for (String path : paths) {
            etags.add(conditional(path));
        }
        for (int i = 0; i < paths.size(); i++) {
            assertEquals(etags.get(i), conditional(paths.get(i)), paths.get(i));
        }

        review(slug, 30, "SKIP");

        for (int i = 0; i < paths.size(); i++) {
            changed(paths.get(i), etags.get(i));
        }
    }

    @Test
    void theVerdictsETagIsItsVersionAndAVoteChangesIt() {
        String slug = newTool("Etag Votes " + System.nanoTime());
        String path = "/api/tools/" + slug + "/verdict";
        String etag = conditional(path);
        String version = given().when().get(path).then().extract().path("version");
        // badge-service sends the version back as the ETag: it must stay exactly that.
        assertEquals("\"" + version + "\"", etag);
        String detail = conditional("/api/tools/" + slug);

        TestCatalog.vote(newVoterToken("etag-voter"), slug, "SHIP").then().statusCode(200);

        changed(path, etag);
        changed("/api/tools/" + slug, detail);
    }

    @Test
    void listsAndCategoriesChangeWhenAToolIsAdded() {
        String category = "Etag Lists " + System.nanoTime();
        String first = newTool(category);
        List<String> paths = List.of("/api/tools?sort=newest&limit=100", "/api/categories",
                "/api/tools/" + first + "/alternatives?limit=20", "/api/verdicts/feed.atom", "/api/verdicts/feed.json");
        List<String> etags = paths.stream().map(HttpCachingTest::conditional).toList();

        String second = newTool(category);
        review(second, 90, "SHIP");

        for (int i = 0; i < paths.size(); i++) {
            changed(paths.get(i), etags.get(i));
        }
        JsonPath categories = given().when().get("/api/categories").then().statusCode(200).extract().jsonPath();
        assertEquals(2, categories.getInt("find { it.name == '" + category + "' }.toolCount"));
    }

    @Test
    void theCriticsChangeWhenOneJoins() {
        String path = "/api/critics";
        String etag = conditional(path);
        String name = "Etag Critic " + (System.nanoTime() % 100000);
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body(Map.of("name", name, "lens", "Whether it caches what it should"))
                .when().post("/api/critics").then().statusCode(201);
        changed(path, etag);
        List<String> names = given().when().get(path).then().statusCode(200).extract().path("name");
        assertTrue(names.contains(name), "the new critic is listed at once: " + names);
    }

    @Test
    void theDigestAndTheKeysRevalidate() {
        conditional("/api/digests/weekly?week=2026-W45");
        conditional("/api/digests/weekly.html?week=2026-W45");
        conditional("/api/auth/jwks.json");
        given().when().get("/api/auth/jwks.json").then().header("Cache-Control", "public, max-age=300");
        given().when().get("/api/verdicts/feed.json").then().header("Cache-Control", "public, max-age=300");
        given().when().get("/api/tools/smolvlm2").then().header("Cache-Control", "no-cache");
    }

    /** Public GETs that are not conditional, and why. */
    private static final Map<String, String> NOT_CONDITIONAL = Map.of(
            "/api/accounts/verification", "a mailed single-use link: a page about that token, never cached",
            "/api/newsletter/confirm", "a mailed single-use link",
            "/api/newsletter/unsubscribe", "a mailed single-use link",
            "/api/accounts/claim", "a mailed single-use link",
            "/api/auth/password-reset/confirm", "a mailed single-use link");

    @Test
    @SuppressWarnings("unchecked")
    void everyPublicReadIsDocumentedAsConditional() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> {
            Map<String, Object> get = (Map<String, Object>) operations.get("get");
            if (get == null || !((List<?>) get.get("security")).isEmpty() || NOT_CONDITIONAL.containsKey(path)) {
                return;
            }
            Map<String, Object> responses = (Map<String, Object>) get.get("responses");
            Map<String, Object> ok = (Map<String, Object>) responses.get("200");
            Map<String, Object> content = ok == null ? null : (Map<String, Object>) ok.get("content");
            if (content != null && content.containsKey("text/event-stream")) {
                return; // a live stream: nothing to revalidate
            }
            Map<String, Object> headers = ok == null ? null : (Map<String, Object>) ok.get("headers");
            if (!responses.containsKey("304") || headers == null || !headers.containsKey("ETag")
                    || !headers.containsKey("Cache-Control") || !headers.containsKey("Vary")) {
                missing.add(path);
            }
        });
        assertEquals(List.of(), missing, "public GETs without ETag, Cache-Control, Vary and 304 in the document");
    }

    @Test
    void errorsCarryNoETag() {
        given().when().get("/api/tools/no-such-tool-here").then().statusCode(404).header("ETag", nullValue());
        given().header("If-None-Match", "*").when().get("/api/tools/no-such-tool-here").then().statusCode(404);
    }
}
