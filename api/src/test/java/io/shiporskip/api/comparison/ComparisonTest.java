package io.shiporskip.api.comparison;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class ComparisonTest {

    @Test
    void comparesAsTheReferencePageDoes() {
        given().queryParam("tools", "gemini-2-5-flash-lite,smolvlm2").when().get("/api/comparisons")
                .then().statusCode(200)
                .contentType("application/json")
                .body("tools.slug", contains("gemini-2-5-flash-lite", "smolvlm2"))
                .body("tools.name", contains("Gemini 2.5 Flash Lite", "SmolVLM2"))
                .body("tools.verdict.shipPercent", contains(100, 100))
                .body("tools.entryPrice", contains("Free", "Free"))
                .body("decisionTable.label", contains("Panel verdict", "Community", "Pricing", "Best for", "Category"))
                .body("decisionTable[0].cells", contains("Ship · 4 ship / 0 skip", "Ship · 4 ship / 0 skip"))
                .body("decisionTable[1].cells", contains("No community votes yet", "No community votes yet"))
                .body("decisionTable[2].cells", contains(
                        "Pay-per-token via Google AI Studio (free tier available) / Vertex AI enterprise pricing",
                        "Free / Open Source (Apache 2.0)"))
                .body("decisionTable[3].cells", contains(
                        "Google's smallest, fastest Gemini for high-throughput, low-cost inference",
                        "Open-source 2B vision-language model that punches above its weight class"))
                .body("decisionTable[4].cells", contains("Developer Tools", "Developer Tools"))
                .body("scorecard", hasSize(4))
                .body("scorecard.critic.name", contains("Builder", "Skeptic", "Futurist", "Founder"))
                .body("scorecard[0].cells.score", contains(78, 88))
                .body("scorecard[1].cells.score", contains(74, 82))
                .body("scorecard[2].cells.score", contains(80, 85))
                .body("scorecard[3].cells.score", contains(72, 78))
                .body("scorecard[3].cells.decision", contains("SHIP", "SHIP"))
                .body("scorecard[0].cells.tool.slug", contains("gemini-2-5-flash-lite", "smolvlm2"))
                .body("scorecard[0].cells.tool.name", contains("Gemini 2.5 Flash Lite", "SmolVLM2"))
                .body("scorecard[0].cells[1].text", startsWith("It loads with the standard Transformers classes"));
    }

    @Test
    void theOtherOrderMirrorsTheColumns() {
        given().queryParam("tools", "smolvlm2, gemini-2-5-flash-lite").when().get("/api/comparisons")
                .then().statusCode(200)
                .body("tools.slug", contains("smolvlm2", "gemini-2-5-flash-lite"))
                .body("scorecard[0].cells.score", contains(88, 78))
                .body("decisionTable[3].cells", contains(
                        "Open-source 2B vision-language model that punches above its weight class",
                        "Google's smallest, fastest Gemini for high-throughput, low-cost inference"));
    }

    @Test
    void splitPanelsShowTheirSkips() {
        given().queryParam("tools", "gemini-2-5-flash-native-audio-output,smolvlm2-2b").when().get("/api/comparisons")
                .then().statusCode(200)
                .body("decisionTable[0].cells", contains("Ship · 4 ship / 0 skip", "Ship · 3 ship / 1 skip"))
                .body("scorecard[3].cells.score", contains(78, 52))
                .body("scorecard[3].cells.decision", contains("SHIP", "SKIP"));
    }

    @Test
    void upToFourTools() {
        given().queryParam("tools", "smolvlm2,smolvlm2-2b,smolvlm-3b,gemini-2-5-flash-lite")
                .when().get("/api/comparisons")
                .then().statusCode(200).body("tools", hasSize(4)).body("scorecard[0].cells", hasSize(4));
    }

    @InvalidRequests("tool lists the document forbids")
    @ParameterizedTest
    @ValueSource(strings = {"", "smolvlm2", "smolvlm2,smolvlm2", "a,b,c,d,e", "smolvlm2,Bad_Slug", "smolvlm2,,smolvlm-3b"})
    void badToolListsAre400sNamingTools(String tools) {
        given().queryParam("tools", tools).when().get("/api/comparisons")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("tools"));
    }

    @InvalidRequests("no tools parameter")
    @Test
    void missingParameterIsA400() {
        given().when().get("/api/comparisons").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("tools"));
    }

    @Test
    void unknownToolIsA404NamingIt() {
        given().queryParam("tools", "smolvlm2,not-reviewed-yet").when().get("/api/comparisons")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No tool with slug 'not-reviewed-yet'"));
    }
}
