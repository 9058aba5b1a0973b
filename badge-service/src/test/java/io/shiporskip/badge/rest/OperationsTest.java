package io.shiporskip.badge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"));
    }

    @Test
    void metricsExposeImpressionsCachesAndFlushes() {
        Fixtures.stub(Fixtures.ship("metric-tool", "Metric Tool"));
        given().header("User-Agent", "github-camo (1)").get("/api/badge/metric-tool").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("badge_impressions_total{kind=\"badge\",source=\"github-camo\""))
                .body(containsString("badge_clicks_total"))
                .body(containsString("badge_counting_pending"))
                .body(containsString("badge_counting_dropped_total"))
                .body(containsString("badge_counting_flush_duration_seconds"))
                .body(containsString("badge_counting_flush_batch_size_rows"))
                .body(containsString("cache_gets_total{cache=\"verdict\""))
                .body(containsString("cache_gets_total{cache=\"render\""));
    }

    @Test
    void openApiAndSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/badge-click/{slug}"))
                .body(containsString("/embed/{slug}"))
                .body(containsString("/api/badge/{slug}/shields.json"))
                .body(containsString("/api/badge/{slug}:"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathsAre404Problems() {
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json")
                .header("X-Frame-Options", "DENY")
                .body("status", equalTo(404))
                .body(not(containsString("Exception")));
        given().get("/api/badge/").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nonEmbedRoutesForbidFraming() {
        given().get("/q/health/live").then().header("X-Frame-Options", "DENY");
    }
}
