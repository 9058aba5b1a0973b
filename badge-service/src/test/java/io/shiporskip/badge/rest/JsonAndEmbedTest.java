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
import io.shiporskip.model.VerdictDecision;
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
                .body("label", equalTo("ship or skip"))
                .body("message", equalTo("SHIP 4/0"))
                .body("color", equalTo("brightgreen"))
                .body("cacheSeconds", equalTo(300));
    }

    @Test
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
        String html = json.getString("html");
        assertTrue(html.startsWith("<a href=\"" + base + "/api/badge-click/snippet-tool?src=site\""), html);
        assertTrue(html.contains("<img src=\"" + base + "/api/badge/snippet-tool?src=site\""), html);
        assertTrue(html.contains("width=\"360\" height=\"90\""), html);
        assertTrue(html.contains("&lt;/title&gt;&lt;script&gt;") && html.contains("&quot;Q&quot; &amp;"), html);
        assertTrue(html.contains("Ship verdict on ShipOrSkip"), html);
        String markdown = json.getString("markdown");
        assertTrue(markdown.startsWith("[![") && markdown.endsWith("](" + base + "/api/badge-click/snippet-tool?src=readme)"), markdown);
        assertTrue(markdown.contains("](" + base + "/api/badge/snippet-tool?src=readme)"), markdown);
        assertTrue(markdown.contains("&lt;\\/title&gt;&lt;script&gt;"), markdown);
        String iframe = json.getString("iframe");
        assertTrue(iframe.startsWith("<iframe src=\"" + base + "/embed/snippet-tool\""), iframe);
        assertTrue(iframe.contains("width=\"360\" height=\"260\""), iframe);
        String picture = json.getString("picture");
        assertTrue(picture.contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"" + base + "/api/badge/snippet-tool?theme=dark&amp;src=site\""), picture);
        assertTrue(picture.contains("<img src=\"" + base + "/api/badge/snippet-tool?theme=light&amp;src=site\""), picture);
        for (String s : new String[] {html, markdown, iframe, picture}) {
            assertFalse(s.contains("<script") || s.contains("\u202E"), s);
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
    void embedErrors() {
        Fixtures.stubUnknown("embed-ghost");
        given().get("/embed/embed-ghost").then().statusCode(404).header("Cache-Control", "no-store")
                .header("Content-Type", "text/html;charset=utf-8");
        given().get("/embed/embed-ghost?theme=neon").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("theme"));
        Fixtures.stubDown("embed-down");
        given().get("/embed/embed-down").then().statusCode(503).header("Cache-Control", "no-store");
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
