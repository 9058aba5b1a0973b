package io.shiporskip.api.tool;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class ToolDetailTest {

    @Test
    void showsTheToolWithVerdictCommunityAndEveryReviewInPanelOrder() {
        given().when().get("/api/tools/smolvlm2-2b")
                .then().statusCode(200)
                .contentType("application/json")
                .body("slug", equalTo("smolvlm2-2b"))
                .body("name", equalTo("SmolVLM2-2B"))
                .body("vendor", equalTo("Hugging Face"))
                .body("pricing", equalTo("Free / Open weights (Apache 2.0)"))
                .body("entryPrice", equalTo("Free"))
                .body("license", equalTo("Apache 2.0"))
                .body("category", equalTo("Developer Tools"))
                .body("description", startsWith("A two-billion-parameter vision-language model for OCR"))
                .body("verdict.decision", equalTo("SHIP"))
                .body("verdict.ships", equalTo(3))
                .body("verdict.skips", equalTo(1))
                .body("verdict.shipPercent", equalTo(75))
                .body("verdict.meanScore", equalTo(75.0f))
                .body("community.label", equalTo("No community votes yet"))
                .body("reviews", hasSize(4))
                .body("reviews.critic.name", contains("Builder", "Skeptic", "Futurist", "Founder"))
                .body("reviews.critic.slug", contains("builder", "skeptic", "futurist", "founder"))
                .body("reviews.score", contains(88, 78, 82, 52))
                .body("reviews.decision", contains("SHIP", "SHIP", "SHIP", "SKIP"))
                .body("reviews[3].text", startsWith("There is no buyer here"))
                .body("reviews[0].publishedAt", equalTo("2026-11-04T09:00:00Z"));
    }

    @Test
    void unknownSlugIsA404Problem() {
        given().when().get("/api/tools/no-such-tool")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No tool with slug 'no-such-tool'"))
                .body("instance", equalTo("/api/tools/no-such-tool"));
    }

    @InvalidRequests("malformed slugs")
    @ParameterizedTest
    @ValueSource(strings = {"SmolVLM2", "smol_vlm", "-smol", "smol--vlm", "%E2%80%AEevil", "a%20b", "%3Cscript%3E"})
    void malformedSlugIsA400NamingIt(String slug) {
        given().urlEncodingEnabled(false).when().get("/api/tools/" + slug)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body("detail", not(emptyOrNullString()))
                .body("stackTrace", nullValue());
    }

    @InvalidRequests("a slug over 100 characters")
    @Test
    void overlongSlugIsA400() {
        given().when().get("/api/tools/" + "a".repeat(101))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"));
    }

    @InvalidRequests("bodies over 64 KiB")
    @Test
    void oversizedBodiesAre413Problems() {
        given().contentType("application/json").body("x".repeat(100 * 1024)).when().post("/api/tools")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than 64 KiB"));
    }

    @TestHTTPResource("/")
    URI base;

    /** Sent with the JDK client: REST Assured itself refuses to encode a body for an unparsable media type. */
    @Test
    void anUnparsableContentTypeIsA400Problem() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"api/newsletter/confirm", "api/accounts"}) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "a/b/c;;;=")
                    .POST(HttpRequest.BodyPublishers.ofString("token=abc")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), path);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(response.body().contains("\"detail\":\"The Content-Type header is not a valid media type\""),
                    response.body());
        }
    }

    @InvalidRequests("a path and a method the document does not have")
    @Test
    void unknownRouteAndWrongMethodAreProblems() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").when().delete("/api/critics")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
