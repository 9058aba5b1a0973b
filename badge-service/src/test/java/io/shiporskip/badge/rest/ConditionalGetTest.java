package io.shiporskip.badge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.model.VerdictDecision;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public GET sends ETag and Cache-Control and answers If-None-Match with 304 by RFC 9110's weak comparison
 * ({@code W/"x"} matches {@code "x"}, comma lists, {@code *}), route by route.
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class ConditionalGetTest {

    static String path(String route, String slug) {
        return switch (route) {
            case "badge" -> "/api/badge/" + slug;
            case "shields" -> "/api/badge/" + slug + "/shields.json";
            case "snippets" -> "/api/badge/" + slug + "/snippets";
            case "embed" -> "/embed/" + slug;
            default -> throw new IllegalArgumentException(route);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"badge", "shields", "snippets", "embed"})
    void etagCacheControlAnd304(String route) throws InterruptedException {
        String slug = "conditional-" + route;
        Fixtures.stub(Fixtures.verdict(slug, "Conditional " + route, VerdictDecision.SHIP, 3, 1, "1"));
        String path = path(route, slug);
        String etag = given().get(path).then().statusCode(200).header("Cache-Control", "no-cache")
                .extract().header("ETag");
        assertTrue(etag != null && etag.matches("\"[0-9a-f]{24}\""), route + " ETag " + etag);
        assertEquals(etag, given().get(path).then().statusCode(200).extract().header("ETag"), "stable while nothing changes");

        String weak = "W/" + etag;
        for (String condition : List.of(etag, weak, "\"other\", " + etag, "W/\"other\",W/" + etag, "*",
                "\"other\" ,  " + weak)) {
            given().header("If-None-Match", condition).get(path).then()
                    .statusCode(304)
                    .header("ETag", etag)
                    .header("Cache-Control", "no-cache")
                    .body(emptyString());
        }
        for (String condition : List.of("\"other\"", "W/\"other\", \"" + etag.substring(1, 10) + "\"", etag.substring(1, etag.length() - 1))) {
            given().header("If-None-Match", condition).get(path).then().statusCode(200).header("ETag", etag);
        }
        // HEAD answers GET's status and headers without a body, on every route (image proxies and link checkers
        // revalidate this way); the document has a HEAD operation beside each of these GETs.
        given().head(path).then().statusCode(200).header("ETag", etag).header("Cache-Control", "no-cache")
                .body(emptyString());
        given().header("If-None-Match", weak).head(path).then().statusCode(304).header("ETag", etag);

        // A new verdict is a new tag: the old one no longer matches. (The renamed tool changes the snippets too, which
        // name the tool but never its verdict.)
        Fixtures.stub(Fixtures.verdict(slug, "Renamed " + route, VerdictDecision.SKIP, 1, 3, "2"));
        Fixtures.notifyChanged(slug);
        assertTrue(Fixtures.eventually(5000, () -> given().header("If-None-Match", etag).get(path).statusCode() == 200),
                route + ": the changed verdict is sent in full");
        assertNotEquals(etag, given().get(path).then().statusCode(200).extract().header("ETag"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"badge", "shields", "snippets", "embed"})
    void errorsCarryNoEtagAndAreNotStored(String route) {
        String slug = "conditional-ghost-" + route;
        Fixtures.stubUnknown(slug);
        given().header("If-None-Match", "*").get(path(route, slug)).then().statusCode(404)
                .header("ETag", nullValue()).header("Cache-Control", "no-store");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"light", "dark", "auto"})
    void theWidgetsTagFollowsWhatItShows(String theme) {
        Fixtures.stub(Fixtures.verdict("conditional-widget", "Conditional Widget", VerdictDecision.SHIP, 3, 1, "1"));
        String plain = given().get("/embed/conditional-widget?theme=" + theme).then().statusCode(200).extract().header("ETag");
        // The framing page's host is in the widget's link, so it is another representation with another tag.
        String framed = given().header("Referer", "https://maker.example/page").get("/embed/conditional-widget?theme=" + theme)
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(plain, framed);
        given().header("Referer", "https://other.example/").header("If-None-Match", framed)
                .get("/embed/conditional-widget?theme=" + theme).then().statusCode(200).body(containsString("Ship or Skip verdict for Conditional Widget"));
    }
}
