package io.shiporskip.api.tool;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shiporskip.api.CatalogDatabase;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class VerdictTest {

    @Test
    void compactVerdictCarriesWhatABadgeShows() {
        Response response = given().when().get("/api/tools/smolvlm2-2b/verdict");
        response.then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-cache")
                .body("slug", equalTo("smolvlm2-2b"))
                .body("name", equalTo("SmolVLM2-2B"))
                .body("decision", equalTo("SHIP"))
                .body("ships", equalTo(3))
                .body("skips", equalTo(1))
                .body("shipPercent", equalTo(75))
                .body("meanScore", equalTo(75.0f))
                .body("reviewCount", equalTo(4))
                .body("community.state", equalTo("NO_VOTES"))
                .body("critics.critic.name", contains("Builder", "Skeptic", "Futurist", "Founder"))
                .body("critics.score", contains(88, 78, 82, 52))
                .body("critics.decision", contains("SHIP", "SHIP", "SHIP", "SKIP"))
                .body("version", not(emptyOrNullString()));
        String version = response.jsonPath().getString("version");
        assertEquals("\"" + version + "\"", response.header("ETag"));
    }

    @Test
    void etagRoundTripAnswers304() {
        String etag = given().when().get("/api/tools/smolvlm2/verdict").then().statusCode(200)
                .extract().header("ETag");

        given().header("If-None-Match", etag).when().get("/api/tools/smolvlm2/verdict")
                .then().statusCode(304)
                .header("ETag", etag)
                .body(emptyOrNullString());

        given().header("If-None-Match", "\"some-other-version\"").when().get("/api/tools/smolvlm2/verdict")
                .then().statusCode(200).body("slug", equalTo("smolvlm2"));
    }

    @InvalidRequests("malformed slugs")
    @Test
    void unknownAndMalformedSlugs() {
        given().when().get("/api/tools/nope/verdict").then().statusCode(404)
                .contentType("application/problem+json").body("stackTrace", nullValue());
        given().when().get("/api/tools/NOPE/verdict").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("slug"));
    }
}
