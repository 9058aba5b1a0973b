package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.shiporskip.api.CatalogDatabase;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The tool page served from the read cache on the event loop (CachedToolPages) must be indistinguishable from the
 * resource's answer: the same body and the same headers, 304 by the same rule, and the same request metric.
 */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class CachedToolPagesTest {

    private static final String TOOL = "/api/tools/smolvlm2-2b";

    @Test
    void aCachedPageIsAnsweredExactlyAsTheResourceAnswersIt() {
        given().when().get(TOOL).then().statusCode(200); // cached now
        // Plain requests (served from the cache) beside requests only the resource answers: an Accept list, a query.
        Response plain = given().when().get(TOOL);
        Response json = given().accept("application/json").when().get(TOOL);
        Response negotiated = given().accept("application/json, text/plain;q=0.5").when().get(TOOL);
        Response withQuery = given().queryParam("utm_source", "newsletter").when().get(TOOL);
        for (Response other : new Response[] {json, negotiated, withQuery}) {
            assertEquals(200, plain.statusCode());
            assertEquals(other.statusCode(), plain.statusCode());
            assertArrayEquals(other.asByteArray(), plain.asByteArray());
            assertEquals(headers(other), headers(plain));
        }
    }

    @Test
    void aMatchingIfNoneMatchIsA304WithTheSameHeaders() {
        Response full = given().when().get(TOOL);
        String etag = full.header("ETag");
        Response strong = given().header("If-None-Match", etag).when().get(TOOL);
        Response weak = given().header("If-None-Match", "\"other\", W/" + etag).when().get(TOOL);
        Response byResource = given().accept("application/json, */*").header("If-None-Match", etag).when().get(TOOL);
        for (Response notModified : new Response[] {strong, weak, byResource}) {
            assertEquals(304, notModified.statusCode());
            assertEquals("", notModified.asString());
            assertEquals(etag, notModified.header("ETag"));
            assertEquals(full.header("Cache-Control"), notModified.header("Cache-Control"));
            assertEquals(full.header("Vary"), notModified.header("Vary"));
        }
        assertEquals(200, given().header("If-None-Match", "\"stale\"").when().get(TOOL).statusCode());
    }

    @Test
    void cachedAnswersAreCountedUnderTheRouteTemplate() {
        given().when().get(TOOL).then().statusCode(200);
        given().when().get(TOOL).then().statusCode(200);
        String metrics = given().when().get("/q/metrics").asString();
        assertThat(metrics, containsString("uri=\"/api/tools/{slug}\""));
        assertThat(metrics, org.hamcrest.Matchers.not(containsString("uri=\"/api/tools/smolvlm2-2b\"")));
    }

    /** Every header but the ones that differ per answer by nature. */
    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : response.headers()) {
            String name = header.getName().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("date")) {
                headers.merge(name, header.getValue(), (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }
}
