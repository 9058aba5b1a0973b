package io.shiporskip.badge.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import io.shiporskip.badge.counting.BadgeEventCounter;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.shiporskip.badge.contract.InvalidRequests;
import org.junit.jupiter.api.Test;

/**
 * The maker dashboard's routes (issue 14): the page (HTML, security headers, a CSP that lets it talk to this service
 * and api only, no inline script), its assets, the embed builder's codes, and previews that are not counted.
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class MakersPageTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    BadgeEventCounter counter;

    static String apiOrigin() {
        return "http://127.0.0.1:" + BadgeTestResources.wireMock().port();
    }

    @Test
    void thePageIsHtmlWithStrictSecurityHeaders() {
        String csp = given().accept("text/html").get("/makers").then().statusCode(200)
                .contentType(startsWith("text/html")).contentType(containsString("charset=utf-8"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", containsString("no-cache"))
                .extract().header("Content-Security-Policy");
        // connect-src: this service and api, nothing else; scripts and styles from this service only.
        assertTrue(csp.contains("connect-src 'self' " + apiOrigin() + ";"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("style-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), csp);
    }

    @Test
    void thePageNamesApiLoadsOnlyItsOwnScriptAndLabelsEveryControl() {
        String html = given().get("/makers").then().statusCode(200).extract().asString();
        assertTrue(html.contains("data-api=\"" + apiOrigin() + "\""), "the script signs in at the configured api");
        assertTrue(html.contains("<script src=\"/makers/assets/makers.js\" defer></script>"));
        assertEquals(1, count(html, "<script"), "one script, from this service, nothing inline");
        assertFalse(html.contains("http://") && html.replace(apiOrigin(), "").contains("http://"), "nothing from elsewhere");
        assertFalse(html.contains("https://"), "nothing from a CDN");
        assertEquals(1, count(html, "<h1"));
        assertTrue(html.contains("<html lang=\"en\">") && html.contains("name=\"viewport\""));
        // Every input, select and textarea has a <label for> naming its id.
        Set<String> labelled = new HashSet<>();
        Matcher labels = Pattern.compile("<label for=\"([^\"]+)\"").matcher(html);
        while (labels.find()) {
            labelled.add(labels.group(1));
        }
        Matcher controls = Pattern.compile("<(input|select|textarea)[^>]*\\bid=\"([^\"]+)\"").matcher(html);
        int n = 0;
        while (controls.find()) {
            n++;
            assertTrue(labelled.contains(controls.group(2)), controls.group(2) + " has a label");
        }
        assertTrue(n >= 9, "sign-in, range, builder and code fields");
        // The token never goes into storage or a URL: the script has no storage call at all.
        assertTrue(html.contains("role=\"alert\"") && html.contains("aria-live=\"polite\""), "errors and status are announced");
    }

    @Test
    void theAssetsAreServedWithNosniffAndNoFraming() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String[] asset : new String[][] {{"makers/assets/makers.js", "javascript"}, {"makers/assets/makers.css", "text/css"}}) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(root + asset[0])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), asset[0]);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").contains(asset[1]), asset[0]);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), asset[0]);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), asset[0]);
            if (asset[0].endsWith(".js")) {
                String js = r.body();
                assertFalse(js.contains("localStorage") || js.contains("sessionStorage") || js.contains("document.cookie"),
                        "the token stays in memory");
                assertFalse(js.contains("innerHTML") || js.contains("insertAdjacentHTML") || js.contains("document.write"),
                        "server text is never parsed as HTML");
            }
        }
    }

    @Test
    void theBuilderAnswersCodesForOneStyleThemeAndPlacement() {
        Fixtures.stub(Fixtures.ship("dash-builder-tool", "Dash <Builder> Tool"));
        given().get("/makers/snippets/dash-builder-tool?style=flat&theme=dark&src=docs").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("style", equalTo("flat")).body("theme", equalTo("dark")).body("placement", equalTo("docs"))
                .body("html", containsString(BadgeTestResources.PUBLIC + "/api/badge/dash-builder-tool?style=flat&amp;theme=dark&amp;src=docs"))
                .body("html", containsString("alt=\"Ship or Skip verdict for Dash &lt;Builder&gt; Tool\""))
                .body("markdown", containsString("?style=flat&theme=dark&src=docs)](" + BadgeTestResources.PUBLIC
                        + "/api/badge-click/dash-builder-tool?src=docs)"))
                .body("iframe", containsString(BadgeTestResources.PUBLIC + "/embed/dash-builder-tool?theme=dark&amp;src=docs"))
                .body("previewBadge", equalTo("/makers/preview/dash-builder-tool/badge?style=flat&theme=dark"))
                .body("previewWidget", equalTo("/makers/preview/dash-builder-tool/widget?theme=dark"));
        // Defaults: the card, light, on the maker's site — the usual HTML code.
        given().get("/makers/snippets/dash-builder-tool").then().statusCode(200)
                .body("html", containsString("?theme=light&amp;src=site\"")).body("html", containsString("width=\"360\" height=\"90\""));
    }

    @Test
    @InvalidRequests("styles, themes, placements and slugs that are not among the documented values")
    void theBuilderNamesWhatIsWrong() {
        Fixtures.stub(Fixtures.ship("dash-builder-tool", "Dash Builder Tool"));
        for (String[] c : new String[][] {{"?style=round", "style"}, {"?theme=Dark", "theme"}, {"?src=github", "src"}, {"?src=unspecified", "src"},
                {"?style=flat&style=card", "style"}}) {
            given().get("/makers/snippets/dash-builder-tool" + c[0]).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo(c[1]));
        }
        given().get("/makers/snippets/Not_A_Slug").then().statusCode(400).body("errors[0].field", equalTo("slug"));
        Fixtures.stubUnknown("dash-ghost-tool");
        given().get("/makers/snippets/dash-ghost-tool").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void previewsShowTheLiveBadgeAndWidgetWithoutCountingThem() throws Exception {
        String slug = "dash-preview-tool";
        Fixtures.stub(Fixtures.ship(slug, "Dash Preview Tool"));
        for (String style : new String[] {"card", "flat", "flat-square", "for-the-badge"}) {
            for (String theme : new String[] {"light", "dark", "auto"}) {
                given().header("User-Agent", "Mozilla/5.0 Chrome/131.0").get("/makers/preview/" + slug + "/badge?style=" + style + "&theme=" + theme)
                        .then().statusCode(200).contentType(startsWith("image/svg+xml"))
                        .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                        .body(containsString("Dash Preview Tool"));
            }
        }
        String widget = given().header("User-Agent", "Mozilla/5.0 Chrome/131.0").get("/makers/preview/" + slug + "/widget?theme=dark")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .extract().asString();
        // Its link goes straight to the review page: no click is counted from a preview either.
        assertTrue(widget.contains("href=\"" + BadgeTestResources.SITE + "/tool/" + slug), widget);
        assertFalse(widget.contains("/api/badge-click/"), widget);
        counter.flush().await().indefinitely();
        assertEquals(0, Fixtures.count("SELECT COALESCE(SUM(n), 0) FROM badges.badge_counter WHERE tool_slug = ?", slug),
                "previews are not counted");
        // Unknown tools and typos are the designed error images and cards.
        Fixtures.stubUnknown("dash-preview-ghost");
        given().get("/makers/preview/dash-preview-ghost/badge").then().statusCode(404).contentType(startsWith("image/svg+xml"));
        given().get("/makers/preview/dash-preview-ghost/widget").then().statusCode(404).contentType(startsWith("text/html"));
    }

    @Test
    @InvalidRequests("a style and a theme the previews do not have")
    void aTypoInAPreviewIsTheDesignedErrorImageOrCardWhateverAcceptSays() {
        given().accept("application/json").get("/makers/preview/dash-preview-tool/badge?style=neon")
                .then().statusCode(400).contentType(startsWith("image/svg+xml"));
        given().accept("application/json").get("/makers/preview/dash-preview-tool/widget?theme=sepia")
                .then().statusCode(400).contentType(startsWith("text/html"));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
