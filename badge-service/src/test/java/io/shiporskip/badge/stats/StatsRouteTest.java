package io.shiporskip.badge.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import org.junit.jupiter.api.Test;

/**
 * The statistics route as browsers and typos meet it (issue 14): an unknown slug is a 404 (for those allowed to ask),
 * api being down does not hide the numbers, and CORS answers the configured front-end origins only (default
 * {@code http://localhost:3000} and {@code :5173}).
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class StatsRouteTest {

    static final String ALLOWED = "http://localhost:5173";
    static final String FOREIGN = "https://evil.example";

    static String route(String slug) {
        return "/api/makers/tools/" + slug + "/stats";
    }

    @Test
    @InvalidRequests("a request without a token")
    void anUnknownSlugIsA404ProblemForItsMakerAndForAnAdmin() {
        Fixtures.stubUnknown("stats-ghost-tool");
        for (String accept : new String[] {"application/json", "text/csv"}) {
            for (String token : new String[] {TestTokens.maker("stats-ghost-tool"), TestTokens.admin()}) {
                given().header("Authorization", "Bearer " + token).accept(accept).get(route("stats-ghost-tool"))
                        .then().statusCode(404).contentType(startsWith("application/problem+json"))
                        .header("Cache-Control", containsString("no-store"))
                        .body("status", equalTo(404)).body("detail", containsString("stats-ghost-tool"))
                        .body("days", nullValue());
            }
        }
        // Whoever may not read it learns nothing about whether it exists.
        given().header("Authorization", "Bearer " + TestTokens.maker("stats-other-tool")).get(route("stats-ghost-tool"))
                .then().statusCode(403);
        given().get(route("stats-ghost-tool")).then().statusCode(401);
    }

    @Test
    void whileApiIsDownTheNumbersAreStillAnswered() {
        Fixtures.stubDown("stats-api-down-tool");
        given().header("Authorization", "Bearer " + TestTokens.maker("stats-api-down-tool")).accept("application/json")
                .get(route("stats-api-down-tool")).then().statusCode(200).body("tool.slug", equalTo("stats-api-down-tool"))
                // Never seen and api down: no name is known, so the slug stands in for it (as documented).
                .body("tool.name", equalTo("stats-api-down-tool"));
    }

    @Test
    void aPreflightFromAConfiguredOriginIsAllowed() {
        Fixtures.stub(Fixtures.ship("stats-cors-tool", "Stats CORS Tool"));
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options(route("stats-cors-tool"))
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedWithoutCorsHeaders() {
        given().header("Origin", FOREIGN).header("Access-Control-Request-Method", "GET")
                .options(route("stats-cors-tool"))
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    @InvalidRequests("a request without a token")
    void theAnswerNamesTheAllowedOriginOnlyAndVariesOnOrigin() {
        Fixtures.stub(Fixtures.ship("stats-cors-tool", "Stats CORS Tool"));
        String token = "Bearer " + TestTokens.maker("stats-cors-tool");
        var allowed = given().header("Origin", ALLOWED).header("Authorization", token).get(route("stats-cors-tool"))
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("Content-Disposition")).extract();
        // Vary may come as several field lines (RFC 9110 5.3: they combine into one list).
        String vary = String.join(", ", allowed.headers().getValues("Vary"));
        for (String name : new String[] {"Origin", "Accept", "Authorization"}) {
            org.junit.jupiter.api.Assertions.assertTrue(vary.contains(name), "Vary names " + name + ": " + vary);
        }
        given().header("Origin", FOREIGN).header("Authorization", token).get(route("stats-cors-tool"))
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", containsString("Origin"));
        // Errors carry it too, so a front-end can read why it was refused.
        given().header("Origin", ALLOWED).get(route("stats-cors-tool"))
                .then().statusCode(401).header("Access-Control-Allow-Origin", equalTo(ALLOWED));
        // The badge routes keep answering every origin.
        given().header("Origin", FOREIGN).get("/api/badge/stats-cors-tool/shields.json")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("*"));
    }

    @Test
    void theDocumentDescribesTheNewAnswers() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/makers/tools/{slug}/stats'.get.responses.'404'", org.hamcrest.Matchers.notNullValue())
                .body("components.schemas.Day.properties.placements", org.hamcrest.Matchers.notNullValue());
    }
}
