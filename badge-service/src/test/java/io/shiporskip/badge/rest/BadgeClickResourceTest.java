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
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class BadgeClickResourceTest {

    private static final RestAssuredConfig NO_FOLLOW = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    private static Response raw(String pathAndQuery) {
        return given().config(NO_FOLLOW).urlEncodingEnabled(false).when().get(pathAndQuery);
    }

    @Test
    void redirectsToTheReviewPageOnTheConfiguredSite() {
        Fixtures.stub(Fixtures.ship("click-tool", "Click Tool"));
        raw("/api/badge-click/click-tool").then()
                .statusCode(302)
                .header("Location", BadgeTestResources.SITE + "/tool/click-tool?utm_source=shiporskip-badge&utm_medium=badge&utm_campaign=click-tool")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void unknownToolIs404ProblemNeverARedirect() {
        Fixtures.stubUnknown("ghost-tool");
        raw("/api/badge-click/ghost-tool").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Location", nullValue())
                .body("status", equalTo(404));
    }

    /** What Chromium sends when a reader follows a link. */
    static final String NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    /** Issue 13: a reader following a stale or typo'd badge link lands on a page that says so, not on JSON. */
    @Test
    void aBrowserFollowingTheLinkOfAnUnknownToolGetsAPage() {
        Fixtures.stubUnknown("ghost-page-tool");
        for (String accept : List.of(NAVIGATION_ACCEPT, "text/html")) {
            String html = given().config(NO_FOLLOW).accept(accept).header("Sec-Fetch-Mode", "navigate")
                    .get("/api/badge-click/ghost-page-tool").then()
                    .statusCode(404)
                    .header("Content-Type", "text/html;charset=utf-8")
                    .header("Cache-Control", "no-store")
                    .header("Location", nullValue())
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", not(containsString("script-src")))
                    .header("Vary", containsString("Accept"))
                    .extract().asString();
            // The widget's error card (its title, its hint), centred on a page, leading on to the site.
            assertTrue(html.startsWith("<!doctype html>") && html.contains("<title>Ship or Skip: Unknown tool</title>"), html);
            assertTrue(html.contains("class=\"w\"") && html.contains("Ship or Skip has no tool at this address"), html);
            assertTrue(html.contains("href=\"" + BadgeTestResources.SITE + "/?utm_source=shiporskip-badge"), html);
            assertFalse(html.contains("<script") || html.contains("ghost-page-tool"), "nothing of the request is echoed: " + html);
        }
        // API clients still get the problem: asking for it, or with no preference.
        for (String accept : List.of("application/problem+json", "*/*")) {
            unknownToolProblem(accept);
        }
    }

    @Test
    void aClientAskingForJsonGetsTheProblemEvenIfItTakesHtmlToo() {
        Fixtures.stubUnknown("ghost-page-tool");
        for (String accept : List.of("application/json", "application/json, text/html")) {
            unknownToolProblem(accept);
        }
    }

    private static void unknownToolProblem(String accept) {
        given().config(NO_FOLLOW).accept(accept).get("/api/badge-click/ghost-page-tool").then()
                .statusCode(404)
                // Labelled with the JSON type the client named: application/json when it admits no problem+json.
                .contentType(accept.startsWith("application/json") ? "application/json" : "application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("urn:shiporskip:problem:not-found"))
                .body("detail", equalTo("unknown tool: ghost-page-tool"));
    }

    @Test
    @InvalidRequests("made-up slugs, paths and parameters that try to redirect elsewhere")
    void openRedirectAttemptsNeverLeaveTheSite() {
        Fixtures.stub(Fixtures.ship("real-tool", "Real Tool"));
        List<String> attempts = List.of(
                "/api/badge-click//evil.example",
                "/api/badge-click/%2F%2Fevil.example",
                "/api/badge-click/%2f%2fevil.example%2f",
                "/api/badge-click/https:%2F%2Fevil.example",
                "/api/badge-click/evil.example%2F..",
                "/api/badge-click/..%2F..%2Fevil.example",
                "/api/badge-click/../../evil.example",
                "/api/badge-click/%2e%2e%2fevil",
                "/api/badge-click/real-tool%0d%0aLocation:%20https://evil.example",
                "/api/badge-click/real-tool%0d%0a%0d%0a%3Chtml%3E",
                "/api/badge-click/real-tool%5C%5Cevil.example",
                "/api/badge-click/real-tool%23@evil.example",
                "/api/badge-click/real-tool?url=https://evil.example&next=//evil.example&redirect=https://evil.example",
                "/api/badge-click/real-tool?src=https://evil.example",
                "/api/badge-click/real-tool/..%2F..%2F..%2Fevil.example",
                "/api/badge-click/@evil.example");
        for (String attempt : attempts) {
            Response r = raw(attempt);
            int status = r.statusCode();
            String location = r.header("Location");
            if (status >= 300 && status < 400) {
                assertTrue(location != null && location.startsWith(BadgeTestResources.SITE + "/tool/real-tool?"),
                        attempt + " redirected to " + location);
            } else {
                assertTrue(status >= 400 && status < 500, attempt + " answered " + status);
                assertEquals(null, location, attempt);
                assertTrue(r.contentType().startsWith("application/problem+json"), attempt + " answered " + r.contentType());
            }
            assertTrue(r.asString().indexOf("evil.example") < 0 || status >= 400, attempt);
            assertTrue(r.headers().getList("Location").size() <= 1, attempt);
        }
    }

    @Test
    @InvalidRequests("an unknown src value")
    void badSrcIs400() {
        Fixtures.stub(Fixtures.ship("src-tool", "Src Tool"));
        raw("/api/badge-click/src-tool?src=evil").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("src"));
        raw("/api/badge-click/src-tool?src=readme").then().statusCode(302);
    }

    @Test
    @InvalidRequests("a slug that breaks the slug pattern")
    void malformedSlugIs400Problem() {
        raw("/api/badge-click/Not_A_Slug").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
    }
}
