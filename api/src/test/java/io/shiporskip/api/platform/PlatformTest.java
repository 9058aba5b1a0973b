package io.shiporskip.api.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import org.junit.jupiter.api.Test;

/** OpenAPI, Swagger UI, health, metrics and CORS: what operators and browsers rely on. */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class PlatformTest {

    @Test
    void openApiDescribesEveryRouteWithSummaries() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Ship or Skip API"))
                .body("paths.'/api/tools'.get.summary", equalTo("List tools"))
                .body("paths.'/api/tools/{slug}'.get.summary", notNullValue())
                .body("paths.'/api/tools/{slug}/verdict'.get.responses.'200'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/comparisons'.get.summary", equalTo("Compare 2 to 4 tools"))
                .body("paths.'/api/critics'.get.summary", notNullValue())
                .body("paths.'/api/categories'.get.summary", notNullValue())
                .body("paths.'/api/tools/{slug}/share'.get.summary", notNullValue())
                .body("paths.'/api/tools/{slug}/alternatives'.get.summary", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthChecksTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("database"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeHttpServerRequests() {
        given().when().get("/api/critics").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/critics\""));
    }

    @Test
    void corsPreflightAllowsTheConfiguredFrontEnd() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/tools")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void browsersMayReadTheCachingAndRateLimitHeaders() {
        given().header("Origin", "http://localhost:5173")
                .when().get("/api/tools/smolvlm2/verdict")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Retry-After"),
                        containsString("RateLimit-Remaining"), containsString("Last-Modified")));
    }

    @Test
    void answersThatReflectTheOriginSayTheyVaryOnIt() {
        // Allow-Origin echoes the request's Origin: a shared cache must not hand one origin's answer to another.
        given().header("Origin", "http://localhost:5173")
                .when().get("/api/tools/smolvlm2/verdict")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Vary", containsString("Origin"));
        given().header("Origin", "https://evil.example")
                .when().get("/api/tools")
                .then().statusCode(403)
                .header("Vary", containsString("Origin"));
    }

    @Test
    void theMakerDashboardOnBadgeServiceMaySignInFromTheBrowser() {
        // badge-service's /makers (default http://localhost:8081) posts e-mail and password here, then reads tool names.
        given().header("Origin", "http://localhost:8081")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/auth/token")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8081")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"));
        given().header("Origin", "http://localhost:8081")
                .when().get("/api/tools/smolvlm2")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8081");
    }

    @Test
    void corsRefusesOtherOrigins() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/tools")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedWithAProblem() {
        given().header("Origin", "https://evil.example")
                .when().get("/api/tools")
                .then().statusCode(403)
                .contentType(io.shiporskip.model.ProblemDetail.MEDIA_TYPE)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "http://localhost:5173")
                .when().get("/api/tools")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
    }
}
