package io.shiporskip.api.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import org.junit.jupiter.api.Test;

/**
 * Random paths cannot use up the request-metric uri tags (100 by default): afterwards the real routes still have
 * their own series, and every unknown path shares one tag.
 */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class MetricTagsTest {

    @Test
    void randomPathsLeaveTheRealRoutesTheirMetrics() {
        for (int i = 0; i < 300; i++) {
            given().when().get("/api/no-such-route-" + i).then().statusCode(404);
            given().when().delete("/api/categories/x" + i);
            given().when().post("/api/tools/random-" + i).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            given().when().options("/api/tools/random-" + i + "/vote");
            given().when().get("/random-" + i + "/deeper").then().statusCode(404);
        }
        given().when().get("/api/categories").then().statusCode(200);
        given().when().get("/api/comparisons?tools=smolvlm2,gemini-2-5-flash-lite").then().statusCode(200);
        given().when().get("/api/verdicts/feed.json").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("uri=\"/api/categories\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("uri=\"/api/comparisons\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString("uri=\"/api/verdicts/feed.json\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.not(containsString("no-such-route-299")));
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.not(containsString("random-299")));
        org.hamcrest.MatcherAssert.assertThat(metrics, org.hamcrest.Matchers.not(containsString("/api/tools/random-")));
    }
}
