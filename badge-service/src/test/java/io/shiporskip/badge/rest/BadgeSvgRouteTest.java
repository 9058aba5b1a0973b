package io.shiporskip.badge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import io.shiporskip.badge.render.BadgeStyle;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.model.VerdictDecision;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class BadgeSvgRouteTest {

    static final List<String> HOSTILE_NAMES = List.of(
            "</text><script>alert(1)</script>",
            "\"quoted\" & 'single' <b>bold</b> ]]> &amp;",
            "\u202Eexe.txt evil \u2066iso\u2069",
            "Bell\u0007 and null\u0000 and tab\tand newline\nend",
            "W".repeat(300),
            "Ünïcødé 名前 🚀 " + "long ".repeat(60));

    private static Response badge(String slug, String query) {
        return given().urlEncodingEnabled(false).when().get("/api/badge/" + slug + (query.isEmpty() ? "" : "?" + query));
    }

    @Test
    void everyStyleAndThemeIsWellFormedSvgForHostileNames() throws Exception {
        for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
            String slug = "hostile-" + i;
            String name = HOSTILE_NAMES.get(i);
            Fixtures.stub(Fixtures.verdict(slug, name, VerdictDecision.values()[i % 4], i, 4 - i % 4, "v" + i));
            for (BadgeStyle style : BadgeStyle.values()) {
                for (Theme theme : Theme.values()) {
                    String where = slug + " " + style + " " + theme;
                    Response r = badge(slug, "style=" + style.param + "&theme=" + theme.param);
                    assertEquals(200, r.statusCode(), where);
                    String body = new String(r.asByteArray(), StandardCharsets.UTF_8);
                    Document doc = Fixtures.parseXml(body);
                    Element svg = doc.getDocumentElement();
                    assertEquals("svg", svg.getLocalName(), where);
                    assertEquals("img", svg.getAttribute("role"), where);
                    assertFalse(svg.getAttribute("aria-label").isBlank(), where);
                    assertEquals(1, doc.getElementsByTagNameNS("*", "title").getLength(), where);
                    assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength(), where);
                    assertEquals(0, doc.getElementsByTagNameNS("*", "b").getLength(), where);
                    assertFalse(body.contains("\u202E") || body.contains("\u2066") || body.contains("\u0007"), where);
                    assertFalse(body.contains("<script"), where);
                    if (theme == Theme.AUTO) {
                        assertTrue(body.contains("prefers-color-scheme:dark"), where);
                    } else {
                        assertFalse(body.contains("prefers-color-scheme"), where);
                    }
                    if (style == BadgeStyle.CARD) {
                        assertEquals("360", svg.getAttribute("width"), where);
                        assertEquals("90", svg.getAttribute("height"), where);
                    }
                }
            }
        }
    }

    @Test
    void cardShowsNameCallSplitAndPercentage() throws Exception {
        Fixtures.stub(Fixtures.verdict("smolvlm-2-5", "SmolVLM 2.5", VerdictDecision.SHIP, 3, 1, "7"));
        String body = badge("smolvlm-2-5", "").asString();
        Document doc = Fixtures.parseXml(body);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("SmolVLM 2.5"), text);
        assertTrue(text.contains("SHIP"), text);
        assertTrue(text.contains("3 ships \u00B7 1 skip"), text);
        assertTrue(text.contains("75% ship"), text);
        assertTrue(doc.getDocumentElement().getAttribute("aria-label").startsWith("SmolVLM 2.5: SHIP"));
    }

    @Test
    void compactStylesSayShipOrSkipAndTheCall() throws Exception {
        Fixtures.stub(Fixtures.verdict("compact-tool", "Compact", VerdictDecision.SKIP, 1, 3, "2"));
        // Issue 13: the brand spelled one way, and the call in the site's words instead of "SKIP 1/3".
        String flat = Fixtures.parseXml(badge("compact-tool", "style=flat").asString()).getDocumentElement().getTextContent();
        assertTrue(flat.contains("Ship or Skip") && flat.contains("SKIP \u00B7 1 ship / 3 skip"), flat);
        String big = Fixtures.parseXml(badge("compact-tool", "style=for-the-badge").asString()).getDocumentElement().getTextContent();
        assertTrue(big.contains("SHIP OR SKIP") && big.contains("SKIP \u00B7 1 SHIP / 3 SKIP"), big);
    }

    @Test
    void longNamesAreShortenedWithAnEllipsis() throws Exception {
        Fixtures.stub(Fixtures.verdict("long-name", "Supercalifragilistic Expialidocious Vision Language Model", VerdictDecision.SHIP, 4, 0, "1"));
        Document doc = Fixtures.parseXml(badge("long-name", "").asString());
        boolean found = false;
        var texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            String t = texts.item(i).getTextContent();
            if (t.startsWith("Supercal")) {
                found = true;
                assertTrue(t.endsWith("\u2026"), t);
                assertTrue(t.length() < 30, t);
            }
        }
        assertTrue(found);
    }

    @Test
    void headersOnASuccessfulBadge() {
        Fixtures.stub(Fixtures.ship("header-tool", "Header Tool"));
        badge("header-tool", "").then()
                .statusCode(200)
                .header("Content-Type", "image/svg+xml;charset=utf-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "no-cache")
                .header("ETag", notNullValue());
    }

    @Test
    void etagRevalidationAnswers304() {
        Fixtures.stub(Fixtures.ship("etag-tool", "ETag Tool"));
        String etag = badge("etag-tool", "").then().statusCode(200).extract().header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        given().header("If-None-Match", etag).get("/api/badge/etag-tool").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", "no-cache");
        given().header("If-None-Match", "W/\"other\", " + etag).get("/api/badge/etag-tool").then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/api/badge/etag-tool").then().statusCode(200);
        // Different normalised parameters are a different image, so a different tag; src does not change the image.
        String flat = badge("etag-tool", "style=flat").then().extract().header("ETag");
        String dark = badge("etag-tool", "theme=dark").then().extract().header("ETag");
        String readme = badge("etag-tool", "src=readme").then().extract().header("ETag");
        assertNotEquals(etag, flat);
        assertNotEquals(etag, dark);
        assertEquals(etag, readme);
    }

    @Test
    void newVersionMeansNewEtag() {
        Fixtures.stub(Fixtures.verdict("version-tool", "Version Tool", VerdictDecision.SHIP, 3, 1, "1"));
        String first = badge("version-tool", "").then().extract().header("ETag");
        Fixtures.stub(Fixtures.verdict("version-tool", "Version Tool", VerdictDecision.SPLIT, 2, 2, "2"));
        Fixtures.notifyChanged("version-tool");
        try {
            assertTrue(Fixtures.eventually(5000, () -> !first.equals(badge("version-tool", "").then().extract().header("ETag"))));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A client that asks for JSON (the image route's errors are images for everyone else). */
    private static Response badgeAsJson(String slug, String query, String accept) {
        return given().urlEncodingEnabled(false).accept(accept).when().get("/api/badge/" + slug + (query.isEmpty() ? "" : "?" + query));
    }

    @Test
    @InvalidRequests("unknown, repeated and empty style, theme and src values")
    void unknownQueryValuesAre400ProblemsNamingTheParameter() {
        Fixtures.stub(Fixtures.ship("param-tool", "Param Tool"));
        int i = 0;
        for (String[] c : new String[][] {
            {"style=fancy", "style"}, {"theme=purple", "theme"}, {"src=twitter", "src"},
            {"style=FLAT", "style"}, {"style=flat&style=card", "style"}, {"theme=", "theme"},
            {"src=%3Cscript%3E", "src"}}) {
            // The problem is labelled with the JSON type the client asked for; the document lists both.
            String accept = i++ % 2 == 0 ? "application/problem+json" : "application/json";
            badgeAsJson("param-tool", c[0], accept).then()
                    .statusCode(400)
                    .contentType(accept)
                    .header("X-Content-Type-Options", "nosniff")
                    .body("status", equalTo(400))
                    .body("errors[0].field", equalTo(c[1]))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("<script>")));
        }
        // Unrelated parameters (cache busters in READMEs) are ignored.
        badge("param-tool", "v=2&cb=123").then().statusCode(200);
    }

    @Test
    @InvalidRequests("slugs that break the slug pattern")
    void malformedSlugIs400() {
        for (String slug : List.of("Bad_Slug", "UPPER", "a--b", "-lead", "%3Cscript%3E", "a%2Fb", "x".repeat(101), "caf%C3%A9")) {
            badgeAsJson(slug, "", "application/json").then()
                    .statusCode(400)
                    .contentType("application/json")
                    .body("errors[0].field", equalTo("slug"));
        }
    }

    /** What Chromium sends for an {@code <img>}. */
    static final String IMG_ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    /**
     * Issue 13: a typo in a pasted badge URL used to answer problem+json, which Chromium blocks in an {@code <img>}
     * (ERR_BLOCKED_BY_ORB) — a broken image on the maker's page. Now every error is an image saying what to fix,
     * drawn in the style the page most likely meant, with the error's status and no-store.
     */
    @Test
    @InvalidRequests("typos in style, theme, src and the slug")
    void typosAnswerImagesThatSayWhatToFix() throws Exception {
        Fixtures.stub(Fixtures.ship("typo-tool", "Typo Tool"));
        record Case(String slug, String query, String hint, String height) {
        }
        for (Case c : List.of(
                new Case("typo-tool", "style=flat-squared", "unknown style", "20"),
                new Case("typo-tool", "theme=Dark", "Use light, dark or auto", "90"),
                new Case("typo-tool", "src=github", "Use readme, site, docs, other or embed", "90"),
                new Case("typo-tool", "style=FOR-THE-BADGE&src=x", "UNKNOWN STYLE", "28"),
                new Case("Typo-Tool", "", "Slugs are lower-case, like my-tool", "90"),
                new Case("Typo-Tool", "style=flat", "check the slug", "20"),
                new Case("typo-tool", "style=flat&style=card", "unknown style", "20"))) {
            for (String accept : new String[] {IMG_ACCEPT, "*/*", null}) {
                String where = c + " Accept " + accept;
                var request = given().urlEncodingEnabled(false);
                if (accept != null) {
                    request.accept(accept);
                }
                Response r = request.get("/api/badge/" + c.slug() + (c.query().isEmpty() ? "" : "?" + c.query()));
                r.then().statusCode(400)
                        .header("Content-Type", "image/svg+xml;charset=utf-8")
                        .header("Cache-Control", "no-store")
                        .header("ETag", nullValue())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Access-Control-Allow-Origin", "*")
                        .header("Cross-Origin-Resource-Policy", "cross-origin");
                Document doc = Fixtures.parseXml(r.asString());
                Element svg = doc.getDocumentElement();
                assertEquals("img", svg.getAttribute("role"), where);
                assertEquals(c.height(), svg.getAttribute("height"), where);
                assertTrue(svg.getTextContent().contains(c.hint()), where + ": " + svg.getTextContent());
                assertFalse(r.asString().contains("Typo-Tool") || r.asString().contains("squared") || r.asString().contains("github"),
                        "the request's values are never echoed: " + where);
            }
        }
        // A JSON client still gets the problem naming the parameter.
        badgeAsJson("typo-tool", "theme=Dark", "application/problem+json").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("theme"));
    }

    @Test
    void unknownToolAndUnavailableAreProblemsForJsonClients() {
        Fixtures.stubUnknown("json-ghost");
        // Accept: application/json alone: the problem as application/json, which the document lists beside problem+json.
        badgeAsJson("json-ghost", "", "application/json").then().statusCode(404).contentType("application/json")
                .body("type", equalTo("urn:shiporskip:problem:not-found"))
                .header("Cache-Control", "no-store").body("detail", containsString("unknown tool"));
        Fixtures.stubDown("json-down");
        badgeAsJson("json-down", "", "application/problem+json").then().statusCode(503).contentType("application/problem+json")
                .header("Cache-Control", "no-store");
    }

    @Test
    void unknownToolIsA404SvgThatIsNotStored() throws Exception {
        Fixtures.stubUnknown("no-such-tool");
        for (BadgeStyle style : BadgeStyle.values()) {
            for (Theme theme : Theme.values()) {
                Response r = badge("no-such-tool", "style=" + style.param + "&theme=" + theme.param);
                r.then().statusCode(404)
                        .header("Content-Type", "image/svg+xml;charset=utf-8")
                        .header("Cache-Control", "no-store")
                        .header("ETag", nullValue())
                        .header("X-Content-Type-Options", "nosniff");
                Document doc = Fixtures.parseXml(r.asString());
                assertEquals("img", doc.getDocumentElement().getAttribute("role"));
                assertTrue(doc.getDocumentElement().getTextContent().toLowerCase().contains("unknown tool"));
            }
        }
    }

    @Test
    void apiDownWithNothingKnownIsA503SvgThatIsNotStored() throws Exception {
        Fixtures.stubDown("never-seen-tool");
        Response r = badge("never-seen-tool", "");
        r.then().statusCode(503)
                .header("Content-Type", "image/svg+xml;charset=utf-8")
                .header("Cache-Control", "no-store");
        assertTrue(Fixtures.parseXml(r.asString()).getDocumentElement().getTextContent().toLowerCase().contains("verdict unavailable"));
    }

    @Test
    void apiDownServesTheLastKnownVerdict() throws Exception {
        Fixtures.stub(Fixtures.verdict("stale-tool", "Stale But Known", VerdictDecision.SHIP, 4, 0, "3"));
        String etag = badge("stale-tool", "").then().statusCode(200).extract().header("ETag");
        Fixtures.stubDown("stale-tool");
        // Drop the cached verdict so the next load must go to the (now failing) api.
        Fixtures.notifyChanged("stale-tool");
        assertTrue(Fixtures.eventually(5000, () -> {
            int before = BadgeTestResources.wireMock().getAllServeEvents().size();
            Response r = badge("stale-tool", "");
            return r.statusCode() == 200 && BadgeTestResources.wireMock().getAllServeEvents().size() > before;
        }), "a load after the NOTIFY went to the failing api and still answered 200");
        Response r = badge("stale-tool", "");
        r.then().statusCode(200).header("ETag", etag).header("Cache-Control", "no-cache");
        assertTrue(Fixtures.parseXml(r.asString()).getDocumentElement().getTextContent().contains("Stale But Known"));
    }

    @Test
    void headAnswersWithoutBody() {
        Fixtures.stub(Fixtures.ship("head-tool", "Head Tool"));
        given().head("/api/badge/head-tool").then().statusCode(200).header("Content-Type", "image/svg+xml;charset=utf-8");
    }
}
