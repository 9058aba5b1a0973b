package io.shiporskip.api.page;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.shiporskip.api.account.TestAccounts;
import io.shiporskip.api.tool.TestCatalog;
import io.shiporskip.model.Markup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The review page at /tool/{slug}: what a visitor who clicked a badge sees. */
@QuarkusTest
@TestProfile(PagesProfile.class)
class ReviewPageTest {

    @Test
    void showsTheToolTheVerdictAndEveryCriticsReview() {
        String body = given().when().get("/tool/smolvlm2-2b")
                .then().statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .extract().asString();
        Html page = Html.parse(body);

        assertEquals(List.of("SmolVLM2-2B"), page.texts("h1"));
        assertEquals("SmolVLM2-2B review: the panel says Ship — Ship or Skip", page.title());
        assertTrue(body.contains("by Hugging Face"));
        assertTrue(body.contains(Markup.escape("2B-parameter vision-language model that runs on your device, not theirs")));
        assertTrue(body.contains("A two-billion-parameter vision-language model for OCR"));
        assertTrue(body.contains("Free / Open weights (Apache 2.0)"));

        // The panel: SHIP, 3 ship / 1 skip, 75 %, mean 75.0.
        assertEquals("Ship", page.text("p", "call"));
        assertTrue(body.contains("<dd>75%</dd>"), body);
        assertTrue(body.contains("3 ships · 1 skip"));
        assertTrue(body.contains("75.0<span class=\"unit\">/100</span>"));

        // Each critic: name, score, call and the review text, in panel order.
        JsonPath tool = given().when().get("/api/tools/smolvlm2-2b").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Builder", "Skeptic", "Futurist", "Founder"), page.texts("h3").subList(0, 4));
        List<Map<String, Object>> reviews = tool.getList("reviews");
        assertEquals(4, reviews.size());
        for (Map<String, Object> review : reviews) {
            assertTrue(body.contains(Markup.escape((String) review.get("text"))), "review text of " + review.get("critic"));
            assertTrue(body.contains("<span class=\"score-number\">" + review.get("score") + "/100</span>"));
        }
        assertTrue(body.contains("<span class=\"score-call\">Skip</span>"), "the Founder's SKIP");
        assertFalse(body.contains("Still to review"));

        assertTrue(body.contains("No community votes yet"));

        // Share text and link: the review URL from configuration.
        String share = given().when().get("/api/tools/smolvlm2-2b/share").then().statusCode(200)
                .extract().jsonPath().getString("text");
        assertTrue(body.contains(Markup.escape(share)), "share text");
        assertTrue(share.contains(PagesProfile.SITE + "/tool/smolvlm2-2b"));

        // Compare with each alternative: links to the comparison page.
        List<String> alternatives = given().when().get("/api/tools/smolvlm2-2b/alternatives").then().statusCode(200)
                .extract().jsonPath().getList("slug");
        assertFalse(alternatives.isEmpty());
        for (String other : alternatives) {
            assertTrue(page.hrefs().contains("/compare?tools=smolvlm2-2b," + other), "compare link to " + other);
        }

        // Embed codes and the live preview from badge-service's configured public URL.
        // The previews are marked as our own page's (issue 20): badge-service counts them nowhere.
        assertTrue(page.srcs().contains(PagesProfile.BADGES + "/api/badge/smolvlm2-2b?preview=own"), "badge preview");
        assertTrue(page.srcs().contains(PagesProfile.BADGES + "/embed/smolvlm2-2b?preview=own"), "widget preview");
        assertTrue(body.contains(Markup.escape("<a href=\"" + PagesProfile.BADGES + "/api/badge-click/smolvlm2-2b?src=site\"")));
        // badge-service's snippet rule: alt text that stays true when the verdict changes, the theme following the page.
        assertTrue(body.contains(Markup.escape("[![Ship or Skip verdict for SmolVLM2\\-2B](" + PagesProfile.BADGES
                + "/api/badge/smolvlm2-2b?theme=auto&src=readme)](" + PagesProfile.BADGES
                + "/api/badge-click/smolvlm2-2b?src=readme)")));
        assertTrue(body.contains(Markup.escape("<iframe src=\"" + PagesProfile.BADGES + "/embed/smolvlm2-2b?theme=auto&amp;src=embed\"")));

        // The newsletter form posts to this page's own route.
        assertTrue(body.contains("<form class=\"subscribe\" method=\"post\" action=\"/tool/smolvlm2-2b/subscribe\">"));
        page.assertAccessibleStructure();
    }

    @Test
    void openGraphAndCanonicalUrlsComeFromConfigurationNeverFromTheHostHeader() {
        String body = given().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "http")
                .when().get("/tool/smolvlm2-2b")
                .then().statusCode(200).extract().asString();
        Html page = Html.parse(body);
        assertEquals(PagesProfile.SITE + "/tool/smolvlm2-2b", page.meta("og:url"));
        assertEquals(PagesProfile.SITE + "/tool/smolvlm2-2b", page.canonical());
        assertEquals("SmolVLM2-2B review: the panel says Ship", page.meta("og:title"));
        assertEquals("article", page.meta("og:type"));
        assertTrue(page.meta("og:description").startsWith("2B-parameter vision-language model"), page.meta("og:description"));
        assertTrue(page.metaName("description").contains("Panel verdict: Ship, 3 ships · 1 skip (75% ship, mean score 75.0/100)."),
                page.metaName("description"));
        assertFalse(body.contains("evil.example"), "nothing on the page comes from the Host header");
    }

    @Test
    void userTextWithMarkupIsShownAsTextNeverRun() {
        Map<String, Object> tool = TestCatalog.toolBody(TestCatalog.uniqueSlug("script-widget"));
        tool.put("name", "<script>alert(\"name\")</script> Widget");
        tool.put("vendor", "Evil & Co <b>");
        tool.put("tagline", "\"><img src=x onerror=alert(1)>");
        tool.put("description", "<iframe src=\"https://evil.example\"></iframe> plain words");
        String slug = TestCatalog.createTool(tool);
        TestCatalog.review(slug, "skeptic", 10, "SKIP", "<script>document.cookie</script> & done").then().statusCode(201);

        String body = given().when().get("/tool/" + slug).then().statusCode(200).extract().asString();
        assertFalse(body.contains("<script"), "no script element, whatever the data says");
        assertFalse(body.contains("<img src=x"), "no injected image");
        assertFalse(body.contains("<iframe src=\"https://evil.example\""), "no injected frame");
        assertFalse(body.contains("<b>"), "no injected markup");
        assertTrue(body.contains("<h1 id=\"tool-name\">&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; Widget</h1>"), body);
        assertTrue(body.contains("by Evil &amp; Co &lt;b&gt;"));
        assertTrue(body.contains("&lt;script&gt;document.cookie&lt;/script&gt; &amp; done"));
        // Attributes too: the title, description and Open Graph tags.
        Html page = Html.parse(body);
        assertEquals("<script>alert(\"name\")</script> Widget review: the panel says Skip", page.meta("og:title"));
        assertTrue(page.metaName("description").startsWith("\"><img src=x onerror=alert(1)>."));
        // Inside the embed codes the name is escaped for the embedding page, and escaped again for this one.
        assertTrue(body.contains("alt=&quot;Ship or Skip verdict for &amp;lt;script&amp;gt;alert(&amp;quot;name&amp;quot;)&amp;lt;/script&amp;gt; Widget&quot;"),
                "escaped alt text in the HTML embed code");
    }

    @Test
    void aToolWithoutReviewsOrVotesSaysSo() {
        String slug = TestCatalog.newTool("quiet-tool");

        String body = given().when().get("/tool/" + slug).then().statusCode(200).extract().asString();
        Html page = Html.parse(body);
        assertEquals("Awaiting verdict", page.text("p", "call"));
        assertEquals("Quill Coder review: awaiting the panel's verdict — Ship or Skip", page.title());
        assertTrue(body.contains("No reviews yet"));
        assertTrue(body.contains("Still to review: Builder, Skeptic, Futurist, Founder."));
        assertTrue(body.contains("No community votes yet"));
        assertTrue(body.contains("Quill Coder is waiting for the expert panel&#39;s verdict."), "share text");
        assertTrue(body.contains("Ship or Skip verdict for Quill Coder"), "embed alt text");
        assertFalse(body.contains("score-number"));
        page.assertAccessibleStructure();
    }

    @Test
    void communityVotesAreCounted() {
        String slug = TestCatalog.newTool("voted-tool");
        for (String decision : List.of("SHIP", "SHIP", "SKIP")) {
            TestCatalog.vote(TestAccounts.newVoterToken("voter"), slug, decision).then().statusCode(200);
        }
        given().when().get("/tool/" + slug).then().statusCode(200)
                .body(containsString("67% ship · 3 votes"))
                .body(containsString("(2 ship, 1 skip)"))
                .body(not(containsString("No community votes yet")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-tool", "SmolVLM2", "smol_vlm", "-smol", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "a%20b", "%E2%80%AEevil"})
    @InvalidRequests("malformed slugs")
    void unknownOrMalformedSlugIsAnHtml404(String slug) {
        String body = given().urlEncodingEnabled(false).when().get("/tool/" + slug)
                .then().statusCode(404)
                .contentType("text/html;charset=UTF-8")
                .extract().asString();
        Html page = Html.parse(body);
        assertEquals(List.of("Page not found"), page.texts("h1"));
        assertEquals("noindex", page.metaName("robots"));
        assertFalse(body.contains("<script"));
        assertFalse(body.contains("problem"));
        page.assertAccessibleStructure();
    }

    @InvalidRequests("a slug over 100 characters")
    @Test
    void anOverlongSlugIsAnHtml404() {
        given().when().get("/tool/" + "a".repeat(101)).then().statusCode(404).contentType("text/html;charset=UTF-8");
    }

    @InvalidRequests("paths the document does not have")
    @Test
    void otherRoutesKeepTheirProblemJsonErrors() {
        given().when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/tools/no-such-tool").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().accept("application/json").when().get("/tool/smolvlm2").then().statusCode(406);
    }

    @InvalidRequests("paths the document does not have")
    @Test
    void deeperPathsUnderToolAreHtml404s() {
        for (String path : List.of("/tool/smolvlm2/nothing-here", "/tool/smolvlm2/a/b", "/tool", "/tool/")) {
            given().when().get(path).then().statusCode(404).contentType("text/html;charset=UTF-8");
        }
        // The sign-up route takes form posts only; a GET (a link someone shared) is no page either.
        given().when().get("/tool/smolvlm2/subscribe").then().statusCode(404).contentType("text/html;charset=UTF-8");
        given().when().get("/tool/smolvlm2").then().statusCode(200);
    }

    @Test
    void theStylesheetIsServedHereAndNothingElseIsLoaded() {
        given().when().get("/assets/pages.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString(":focus-visible"));
        String body = given().when().get("/tool/smolvlm2").then().statusCode(200).extract().asString();
        assertTrue(body.contains("<link rel=\"stylesheet\" href=\"/assets/pages.css\">"));
        assertFalse(body.contains("<script"), "no JavaScript");
        assertFalse(body.contains(" style=\""), "no inline styles (the CSP allows only the stylesheet)");
        Html page = Html.parse(body);
        for (String src : page.srcs()) {
            assertTrue(src.startsWith(PagesProfile.BADGES + "/"), "only badge-service is loaded: " + src);
        }
    }

    @Test
    void openApiListsThePagesAsHtml() {
        JsonPath api = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        for (String path : List.of("'/tool/{slug}'.get", "'/compare'.get", "'/tool/{slug}/subscribe'.post")) {
            assertTrue(api.getList("paths." + path + ".tags").contains("Pages"), path);
            assertEquals("string", api.getString("paths." + path + ".responses.'200'.content.'text/html'.schema.type"), path);
            assertEquals("string", api.getString("paths." + path + ".responses.'404'.content.'text/html'.schema.type"), path);
        }
        assertThat(api.getList("tags.name"), hasItem("Pages"));
        assertThat(api.getString("paths.'/tool/{slug}'.get.summary"), notNullValue());
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
