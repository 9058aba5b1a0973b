package io.shiporskip.badge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
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

    @Test
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
    void badSrcIs400() {
        Fixtures.stub(Fixtures.ship("src-tool", "Src Tool"));
        raw("/api/badge-click/src-tool?src=evil").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("src"));
        raw("/api/badge-click/src-tool?src=readme").then().statusCode(302);
    }

    @Test
    void malformedSlugIs400Problem() {
        raw("/api/badge-click/Not_A_Slug").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
    }
}
