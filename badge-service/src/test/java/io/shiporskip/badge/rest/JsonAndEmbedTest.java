package io.shiporskip.badge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import io.shiporskip.model.Markup;
import io.shiporskip.model.VerdictDecision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class JsonAndEmbedTest {

    static final String HOSTILE = "</title><script>alert('x')</script> \"Q\" & \u202Eevil";

    @Test
    void shieldsEndpointDocument() {
        Fixtures.stub(Fixtures.verdict("shields-tool", "Shields Tool", VerdictDecision.SHIP, 4, 0, "1"));
        given().get("/api/badge/shields-tool/shields.json").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .body("schemaVersion", equalTo(1))
                // Issue 13: the brand spelled one way, the badges' own words and their own fill (one palette).
                .body("label", equalTo("Ship or Skip"))
                .body("message", equalTo("SHIP \u00B7 4 ship / 0 skip"))
                .body("color", equalTo("1a7f37"))
                .body("cacheSeconds", equalTo(300));
    }

    @Test
    @InvalidRequests("a slug that breaks the slug pattern")
    void shieldsForUnknownAndMalformed() {
        Fixtures.stubUnknown("shields-ghost");
        given().get("/api/badge/shields-ghost/shields.json").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("unknown tool"));
        given().get("/api/badge/Bad_Slug/shields.json").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
    }

    @Test
    void snippetsUseThePublicUrlAndEscapeTheName() {
        Fixtures.stub(Fixtures.verdict("snippet-tool", HOSTILE, VerdictDecision.SHIP, 3, 1, "1"));
        JsonPath json = given().get("/api/badge/snippet-tool/snippets").then()
                .statusCode(200).contentType("application/json").header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .extract().jsonPath();
        String base = BadgeTestResources.PUBLIC;
        // The top-level codes are the auto ones: they follow the reader's light or dark preference.
        String html = json.getString("html");
        assertTrue(html.startsWith("<a href=\"" + base + "/api/badge-click/snippet-tool?src=site\""), html);
        assertTrue(html.contains("<img src=\"" + base + "/api/badge/snippet-tool?theme=auto&amp;src=site\""), html);
        assertTrue(html.contains("width=\"360\" height=\"90\" style=\"max-width:100%;height:auto;\""), html);
        assertTrue(html.contains("&lt;/title&gt;&lt;script&gt;") && html.contains("&quot;Q&quot; &amp;"), html);
        // Alt text that stays true when the verdict changes (issue 13): the tool, not today's call.
        assertTrue(html.contains("alt=\"Ship or Skip verdict for &lt;/title&gt;"), html);
        String markdown = json.getString("markdown");
        assertTrue(markdown.startsWith("[![") && markdown.endsWith("](" + base + "/api/badge-click/snippet-tool?src=readme)"), markdown);
        assertTrue(markdown.contains("](" + base + "/api/badge/snippet-tool?theme=auto&src=readme)"), markdown);
        assertTrue(markdown.contains("&lt;\\/title&gt;&lt;script&gt;"), markdown);
        String iframe = json.getString("iframe");
        // The widget's placement is on its URL too, so its impressions and its clicks count as "embed" together.
        assertTrue(iframe.startsWith("<iframe src=\"" + base + "/embed/snippet-tool?theme=auto&amp;src=embed\""), iframe);
        assertTrue(iframe.contains("width=\"360\" height=\"260\""), iframe);
        assertTrue(iframe.contains("max-width:100%"), iframe);
        assertTrue(iframe.contains("title=\"Ship or Skip verdict for &lt;/title&gt;"), iframe);
        String picture = json.getString("picture");
        assertTrue(picture.contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"" + base + "/api/badge/snippet-tool?theme=dark&amp;src=site\""), picture);
        assertTrue(picture.contains("<img src=\"" + base + "/api/badge/snippet-tool?theme=light&amp;src=site\""), picture);
        assertTrue(picture.contains("style=\"max-width:100%;height:auto;\""), picture);
        List<String> all = new ArrayList<>(List.of(html, markdown, iframe, picture));
        for (String theme : List.of("light", "dark", "auto")) {
            String t = "themes." + theme + ".";
            String h = json.getString(t + "html");
            String m = json.getString(t + "markdown");
            String f = json.getString(t + "iframe");
            assertTrue(h.contains("<img src=\"" + base + "/api/badge/snippet-tool?theme=" + theme + "&amp;src=site\""), h);
            assertTrue(h.contains("max-width:100%;height:auto"), h);
            assertTrue(m.contains("](" + base + "/api/badge/snippet-tool?theme=" + theme + "&src=readme)"), m);
            assertTrue(f.startsWith("<iframe src=\"" + base + "/embed/snippet-tool?theme=" + theme + "&amp;src=embed\""), f);
            all.addAll(List.of(h, m, f));
        }
        assertEquals(html, json.getString("themes.auto.html"));
        assertEquals("Ship or Skip verdict for " + Markup.clean(HOSTILE), json.getString("alt"));
        for (String s : all) {
            assertFalse(s.contains("<script") || s.contains("\u202E"), s);
            assertFalse(s.contains("SHIP") || s.contains("Ship verdict") || s.contains("ShipOrSkip"), "no verdict or old brand frozen in: " + s);
        }
    }

    @Test
    void embedWidgetIsSelfContainedEscapedAndFrameable() {
        Fixtures.stub(Fixtures.verdict("embed-tool", HOSTILE, VerdictDecision.SPLIT, 2, 2, "1"));
        String html = given().get("/embed/embed-tool").then()
                .statusCode(200)
                .header("Content-Type", "text/html;charset=utf-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", not(containsString("frame-ancestors")))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("Cache-Control", "no-cache")
                .extract().asString();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("\u202E"), html);
        assertTrue(html.contains("&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("href=\"" + BadgeTestResources.PUBLIC + "/api/badge-click/embed-tool?src=embed\""), html);
        assertTrue(html.contains("SPLIT"), html);
        assertTrue(html.contains("Builder") && html.contains("82") && html.contains("Skeptic"), html);
        assertTrue(html.contains("Community: 80% ship \u00B7 15 votes"), html);
        assertEquals(1, html.split("<style>", -1).length - 1);
        assertFalse(html.contains("<link") || html.contains("src=\"http"), "no external resources");
    }

    @Test
    @InvalidRequests("an unknown theme")
    void embedErrors() {
        Fixtures.stubUnknown("embed-ghost");
        given().get("/embed/embed-ghost").then().statusCode(404).header("Cache-Control", "no-store")
                .header("Content-Type", "text/html;charset=utf-8");
        given().accept("application/problem+json").get("/embed/embed-ghost?theme=neon").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("theme"));
        Fixtures.stubDown("embed-down");
        given().get("/embed/embed-down").then().statusCode(503).header("Cache-Control", "no-store");
    }

    /** What Chromium sends for an iframe's document. */
    static final String FRAME_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /** Issue 13: every widget error is a designed card that renders in the frame, never JSON. */
    @Test
    @InvalidRequests("typos in theme, src and the slug")
    void widgetErrorsAreCardsInTheFrame() {
        Fixtures.stub(Fixtures.ship("embed-typo", "Embed Typo"));
        Fixtures.stubUnknown("embed-nobody");
        Fixtures.stubDown("embed-away");
        record Case(String path, int status, String says) {
        }
        for (Case c : List.of(
                new Case("/embed/embed-typo?theme=Dark", 400, "Unknown badge theme"),
                new Case("/embed/embed-typo?src=github", 400, "Unknown placement (src)"),
                new Case("/embed/Embed-Typo", 400, "Check the badge address"),
                new Case("/embed/embed-nobody?theme=dark", 404, "Unknown tool"),
                new Case("/embed/embed-away", 503, "Verdict unavailable"))) {
            String html = given().accept(FRAME_ACCEPT).urlEncodingEnabled(false).get(c.path()).then()
                    .statusCode(c.status())
                    .header("Content-Type", "text/html;charset=utf-8")
                    .header("Cache-Control", "no-store")
                    .header("X-Frame-Options", nullValue())
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .extract().asString();
            assertTrue(html.startsWith("<!doctype html>") && html.contains(c.says()), c + ": " + html);
            assertFalse(html.contains("<script") || html.contains("github") || html.contains("Embed-Typo"), c + ": " + html);
        }
        // theme=Dark meant dark: the error card is drawn dark.
        String dark = given().accept(FRAME_ACCEPT).get("/embed/embed-typo?theme=Dark").then().extract().asString();
        assertTrue(dark.contains("color-scheme:dark"), dark);
        // While verdicts are unavailable the card still leads to the review, through the click route.
        String away = given().accept(FRAME_ACCEPT).get("/embed/embed-away").then().extract().asString();
        assertTrue(away.contains("href=\"" + BadgeTestResources.PUBLIC + "/api/badge-click/embed-away?src=embed\""), away);
    }

    @Test
    void widgetFillsItsFrameAndEndsWithACallToAction() {
        Fixtures.stub(Fixtures.verdict("embed-look", "Embed Look", VerdictDecision.SHIP, 4, 0, "1"));
        for (String theme : List.of("light", "dark", "auto")) {
            String html = given().get("/embed/embed-look?theme=" + theme).then().statusCode(200)
                    .header("Referrer-Policy", "same-origin").extract().asString();
            assertTrue(html.contains("html,body{height:100%;overflow:hidden"), "no scrollbars: " + html);
            assertTrue(html.contains("class=\"cta\">Read the full review"), html);
            assertTrue(html.contains("<title>Ship or Skip verdict for Embed Look</title>"), html);
            assertTrue(html.contains("<svg class=\"mark\""), "the mark, drawn inline: " + html);
            assertFalse(html.contains("ShipOrSkip") || html.contains("SHIP OR SKIP") || html.contains("S/S"), html);
        }
    }

    @Test
    void corsPreflightFromAnyOriginIsHarmless() {
        Fixtures.stub(Fixtures.ship("cors-tool", "Cors Tool"));
        given().header("Origin", "https://somebody.example").get("/api/badge/cors-tool").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "*");
        given().header("Origin", "https://somebody.example").get("/api/badge/cors-tool/shields.json").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "*");
    }
}
