package io.shiporskip.badge.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import io.shiporskip.badge.Fixtures;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 11: random paths cannot use up the HTTP server metrics' uri tags (Quarkus keeps at most 100). */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class MetricTagsTest {

    private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"", Pattern.MULTILINE);

    static Set<String> uris() {
        Set<String> uris = new TreeSet<>();
        Matcher m = URI.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        while (m.find()) {
            uris.add(m.group(1));
        }
        return uris;
    }

    @Test
    void randomPathsCollapseIntoOneTagAndRealRoutesKeepTheirs() {
        // 300 requests to random unknown paths, in the shapes that reach the metrics with their raw path.
        for (int i = 0; i < 100; i++) {
            String r = "r" + UUID.randomUUID().toString().substring(0, 12);
            given().get("/" + r).then().statusCode(404);
            given().post("/api/makers/tools/" + r + "/stats").then().statusCode(405);
            given().options("/api/makers/tools/" + r).then().statusCode(200);
        }
        Fixtures.stub(Fixtures.ship("metric-tags-tool", "Metric Tags Tool"));
        given().get("/api/badge/metric-tags-tool/snippets").then().statusCode(200);
        given().get("/api/badge/metric-tags-tool/shields.json").then().statusCode(200);
        given().get("/api/badge/metric-tags-tool").then().statusCode(200);

        Set<String> uris = uris();
        assertTrue(uris.contains("/api/badge/{slug}/snippets"), "the snippets route has request metrics of its own: " + uris);
        assertTrue(uris.contains("/api/badge/{slug}/shields.json"), uris.toString());
        assertTrue(uris.contains("/api/badge/{slug}"), uris.toString());
        assertTrue(uris.contains("UNMATCHED"), uris.toString());
        assertTrue(uris.size() < 30, "uri tags stay few: " + uris);
        for (String uri : uris) {
            assertTrue(!uri.contains("/r") || uri.contains("{"), "a random path became a tag: " + uri);
        }
    }
}
