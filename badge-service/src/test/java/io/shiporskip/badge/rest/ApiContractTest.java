package io.shiporskip.badge.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.badge.BadgeTestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * badge-service's real api client fed the verdict JSON the real api produced — recorded by api's RecordedVerdictsTest,
 * which fails when api's answer changes — not a stub written by hand: a tool with reviews, and one with no reviews and
 * no votes (nulls where a hand-written stub tends to put numbers).
 */
@QuarkusTest
@WithTestResource(BadgeTestResources.class)
class ApiContractTest {

    private static final Path RECORDINGS = Path.of("..", "shared-model", "src", "test", "resources", "contract");

    @Test
    void aReviewedToolRecordedFromApiRendersEverywhere() throws Exception {
        serve("verdict-reviewed.json", "contract-reviewed");
        given().get("/api/badge/contract-reviewed").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).body(containsString("Contract Reviewed"));
        given().get("/api/badge/contract-reviewed?style=flat").then().statusCode(200);
        given().get("/api/badge/contract-reviewed/shields.json").then().statusCode(200)
                .body("message", not(emptyOrNullString()));
        given().get("/embed/contract-reviewed").then().statusCode(200).body(containsString("Contract Reviewed"));
    }

    @Test
    void aToolWithNoReviewsAndNoVotesRecordedFromApiRendersEverywhere() throws Exception {
        serve("verdict-unreviewed.json", "contract-unreviewed");
        given().get("/api/badge/contract-unreviewed").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).body(containsString("Contract Unreviewed"));
        given().get("/api/badge/contract-unreviewed?style=for-the-badge&theme=dark").then().statusCode(200);
        given().get("/api/badge/contract-unreviewed/shields.json").then().statusCode(200)
                .body("message", not(emptyOrNullString()));
        given().get("/embed/contract-unreviewed").then().statusCode(200).body(containsString("Contract Unreviewed"));
    }

    /** The recording as api's body, its placeholder version as the ETag api would send. */
    private static void serve(String recording, String slug) throws Exception {
        String body = Files.readString(RECORDINGS.resolve(recording)).replace("\"RECORDED\"", "\"7-contract\"");
        BadgeTestResources.wireMock().stubFor(get(urlEqualTo("/api/tools/" + slug + "/verdict"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"7-contract\"").withBody(body)));
    }
}
