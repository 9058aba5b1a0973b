package io.shiporskip.api.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import io.shiporskip.api.tool.TestCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A name with a right-to-left override or zero-width characters reads as what it is in feeds, share texts and the HTML
 * pages (review page, comparison).
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class InvisibleCharactersTest {

    @Test
    void feedsShareTextAndPagesDropBidiOverridesAndZeroWidthCharacters() {
        Map<String, Object> tool = TestCatalog.toolBody(TestCatalog.uniqueSlug("invisible"));
        tool.put("name", "Tru\u200Bst\u202Egpj.exe\u2060 Me\uFEFF");
        tool.put("tagline", "Sa\u200Dfe \u2066tagline\u2069");
        // Its own vendor and website: other tests search the shared database for the default tool's words.
        tool.put("vendor", "Invisible Ink");
        tool.put("website", "https://invisible.example");
        String slug = TestCatalog.createTool(tool);
        // Feeds list tools with a verdict.
        TestCatalog.review(slug, "builder", 80, "SHIP", "Does what it says.").then().statusCode(201);

        for (String feed : new String[] {"/api/verdicts/feed.atom", "/api/verdicts/feed.json"}) {
            String body = given().when().get(feed).then().statusCode(200).extract().asString();
            org.hamcrest.MatcherAssert.assertThat(feed, body, containsString("Trustgpj.exe Me"));
            org.hamcrest.MatcherAssert.assertThat(feed, body, containsString("Safe tagline"));
            for (String invisible : new String[] {"\u200B", "\u202E", "\u2060", "\uFEFF", "\u200D", "\u2066",
                    "\\u200b", "\\u202e", "&#x202e;", "&#8238;"}) {
                org.hamcrest.MatcherAssert.assertThat(feed, body.toLowerCase(), not(containsString(invisible.toLowerCase())));
            }
        }
        String other = TestCatalog.newTool("visible");
        for (String page : new String[] {"/tool/" + slug, "/compare?tools=" + slug + "," + other}) {
            String body = given().accept("text/html").when().get(page).then().statusCode(200).extract().asString();
            org.hamcrest.MatcherAssert.assertThat(page, body, containsString("Trustgpj.exe Me"));
            org.hamcrest.MatcherAssert.assertThat(page, body, containsString("Safe tagline"));
            for (String invisible : new String[] {"\u200B", "\u202E", "\u2060", "\uFEFF", "\u200D", "\u2066",
                    "&#x202e;", "&#8238;"}) {
                org.hamcrest.MatcherAssert.assertThat(page, body.toLowerCase(), not(containsString(invisible.toLowerCase())));
            }
        }
        given().when().get("/api/tools/" + slug + "/share").then().statusCode(200)
                .body("text", containsString("Trustgpj.exe Me verdict: SHIP"))
                .body("text", not(containsString("\u202E")))
                .body("text", not(containsString("\u200B")));
    }
}
