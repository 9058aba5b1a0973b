package io.shiporskip.badge.stats;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import io.shiporskip.badge.contract.InvalidRequests;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may read a tool's statistics: every caller × {JSON, CSV}, with the exact status of each cell. */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class StatsAuthorizationTest {

    static final String TOOL = "stats-matrix-tool";
    static final String OTHER_TOOL = "stats-matrix-other";
    static final String ROUTE = "/api/makers/tools/" + TOOL + "/stats";

    /** api knows the tools (an unknown slug is a 404, see StatsRouteTest). */
    @BeforeEach
    void apiKnowsTheTools() {
        Fixtures.stub(Fixtures.ship(TOOL, "Stats Matrix Tool"));
        Fixtures.stub(Fixtures.ship(OTHER_TOOL, "Stats Matrix Other"));
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                cell("anonymous", () -> null, 401),
                cell("reader", TestTokens::reader, 403),
                cell("maker of this tool", () -> TestTokens.maker(TOOL), 200),
                cell("maker of this and another tool", () -> TestTokens.maker(OTHER_TOOL, TOOL), 200),
                cell("maker of another tool", () -> TestTokens.maker(OTHER_TOOL), 403),
                cell("maker of a tool whose slug is a prefix", () -> TestTokens.maker("stats-matrix"), 403),
                cell("reader whose tools claim lists it", () -> TestTokens.readerListingTool(TOOL), 403),
                cell("admin", TestTokens::admin, 200),
                cell("expired token of this tool's maker", () -> TestTokens.expiredMaker(TOOL), 401),
                cell("admin token signed by another key", TestTokens::forgedAdmin, 401),
                cell("admin token from another issuer", TestTokens::wrongIssuerAdmin, 401),
                cell("not a JWT", () -> "not-a-jwt", 401));
    }

    static Arguments cell(String caller, Supplier<String> token, int status) {
        return Arguments.of(caller, token, status);
    }

    static RequestSpecification as(Supplier<String> token) {
        String t = token.get();
        RequestSpecification spec = given();
        return t == null ? spec : spec.header("Authorization", "Bearer " + t);
    }

    @ParameterizedTest(name = "JSON, {0} → {2}")
    @MethodSource("matrix")
    @InvalidRequests("no token, or an expired, forged, foreign or malformed one")
    void json(String caller, Supplier<String> token, int status) {
        var response = as(token).accept("application/json").get(ROUTE).then().statusCode(status)
                .header("Cache-Control", containsString("no-store"));
        if (status == 200) {
            response.contentType(startsWith("application/json")).body("tool.slug", equalTo(TOOL))
                    .body("tool.name", equalTo("Stats Matrix Tool"));
        } else {
            // Refusals are problems and carry none of the data.
            response.contentType(startsWith("application/problem+json")).body("status", equalTo(status))
                    .body("totals", nullValue()).body("days", nullValue())
                    .body(not(containsString("java."))).body(not(containsString("Exception")));
        }
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        } else {
            response.header("WWW-Authenticate", nullValue());
        }
    }

    @ParameterizedTest(name = "CSV, {0} → {2}")
    @MethodSource("matrix")
    @InvalidRequests("no token, or an expired, forged, foreign or malformed one")
    void csv(String caller, Supplier<String> token, int status) {
        var response = as(token).accept("text/csv").get(ROUTE).then().statusCode(status);
        if (status == 200) {
            response.contentType(startsWith("text/csv")).contentType(containsStringIgnoringCase("charset=utf-8")).body(startsWith("tool,day,"));
        } else {
            response.contentType(startsWith("application/problem+json")).body("status", equalTo(status))
                    .body(not(containsString(TOOL + ",")));
        }
    }

    @Test
    @InvalidRequests("a malformed date, and no token")
    void aMakerOfAnotherToolIsRefusedBeforeTheirBadInputIsLookedAt() {
        // Refusal first: a stranger learns nothing about the route from its 400s.
        given().header("Authorization", "Bearer " + TestTokens.maker(OTHER_TOOL)).get(ROUTE + "?from=nonsense")
                .then().statusCode(403);
        given().get(ROUTE + "?from=nonsense").then().statusCode(401);
    }

    @Test
    void answersFromTheBadgesSchemaAskingApiOnlyWhetherTheToolExists() {
        // The numbers are the badges schema's; api is asked only whether the slug is a tool, once, then from the cache.
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + TestTokens.admin()).get(ROUTE).then().statusCode(200);
        }
        var asked = BadgeTestResources.wireMock().findAll(anyRequestedFor(urlMatching(".*" + TOOL + ".*")));
        assertTrue(asked.size() <= 1, "at most one lookup: " + asked.size());
        asked.forEach(r -> assertEquals("/api/tools/" + TOOL + "/verdict", r.getUrl()));
    }

    @Test
    @InvalidRequests("Accept: text/html, which the route cannot answer (406)")
    void csvOnlyWhenItIsTheClientsFirstChoice() {
        String admin = "Bearer " + TestTokens.admin();
        String[][] cases = {
                {null, "application/json"},
                {"*/*", "application/json"},
                {"application/json, text/csv;q=0.5", "application/json"},
                {"application/json;q=0.4, text/csv", "text/csv"},
                {"text/*", "text/csv"},
        };
        for (String[] c : cases) {
            var request = given().header("Authorization", admin);
            if (c[0] != null) {
                request = request.header("Accept", c[0]);
            }
            request.get(ROUTE).then().statusCode(200).contentType(startsWith(c[1]));
        }
        given().header("Authorization", admin).header("Accept", "text/html").get(ROUTE).then().statusCode(406)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void openApiMarksTheRouteAsNeedingABearerToken() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/makers/tools/{slug}/stats'.get.security", not(nullValue()))
                .body("components.securitySchemes.size()", equalTo(1));
    }

    @Test
    void badgeRoutesIgnoreStaleOrForgedAuthorizationHeaders() {
        String slug = "stats-public-tool";
        Fixtures.stub(Fixtures.ship(slug, "Stats Public Tool"));
        for (String header : new String[] {"Bearer not-a-jwt", "Bearer " + TestTokens.expiredMaker(slug),
                "Bearer " + TestTokens.forgedAdmin(), "Basic Zm9vOmJhcg=="}) {
            given().header("Authorization", header).get("/api/badge/" + slug).then().statusCode(200)
                    .contentType(startsWith("image/svg+xml"));
            given().header("Authorization", header).get("/embed/" + slug).then().statusCode(200);
            given().header("Authorization", header).get("/api/badge/" + slug + "/shields.json").then().statusCode(200);
            given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                    .header("Authorization", header).get("/api/badge-click/" + slug).then().statusCode(302);
        }
    }
}
