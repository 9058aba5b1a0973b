package io.shiporskip.api.tool;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shiporskip.api.CatalogDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class ToolListTest {

    static final List<String> NEWEST_FIRST = List.of(
            "hugging-face-smolvlm-2-5-tiny-vision-language-model",
            "gemini-2-5-flash-native-audio-output",
            "smolvlm-3b",
            "smolvlm2-2b",
            "smolvlm2",
            "gemini-2-5-flash-lite");

    @Test
    void listsTheSixDemoToolsNewestFirst() {
        given().when().get("/api/tools")
                .then().statusCode(200)
                .contentType("application/json")
                .body("items.slug", contains(NEWEST_FIRST.toArray()))
                .body("nextCursor", nullValue())
                .body("items[3].name", equalTo("SmolVLM2-2B"))
                .body("items[3].vendor", equalTo("Hugging Face"))
                .body("items[3].category", equalTo("Developer Tools"))
                .body("items[3].entryPrice", equalTo("Free"))
                .body("items[3].tagline", equalTo("2B-parameter vision-language model that runs on your device, not theirs"))
                .body("items[3].verdict.decision", equalTo("SHIP"))
                .body("items[3].verdict.ships", equalTo(3))
                .body("items[3].verdict.skips", equalTo(1))
                .body("items[3].verdict.shipPercent", equalTo(75))
                .body("items[3].verdict.meanScore", equalTo(75.0f))
                .body("items[3].verdict.reviewCount", equalTo(4))
                .body("items[3].community.state", equalTo("NO_VOTES"))
                .body("items[3].community.votes", equalTo(0))
                .body("items[3].community.shipPercent", nullValue())
                .body("items[3].community.label", equalTo("No community votes yet"))
                .body("items[3].createdAt", equalTo("2026-11-04T09:00:00Z"));
    }

    @ParameterizedTest(name = "sort={0}, limit={1}")
    @CsvSource({"newest, 1", "newest, 4", "score, 1", "score, 2", "ship-percent, 1", "ship-percent, 5", "name, 2", "name, 100"})
    void pagesWalkEveryToolOnceInOrder(String sort, int limit) {
        List<String> all = given().queryParam("sort", sort).queryParam("limit", 100)
                .when().get("/api/tools").then().statusCode(200).extract().jsonPath().getList("items.slug");
        assertEquals(6, all.size());

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("sort", sort).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/tools").then().statusCode(200).extract().jsonPath();
            List<String> slugs = page.getList("items.slug");
            assertEquals(true, slugs.size() <= limit);
            walked.addAll(slugs);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);

        assertEquals(all, walked, "pages joined must equal the full list: no duplicates, no gaps");
        assertEquals((int) Math.ceil(6.0 / limit), pages);
    }

    @Test
    void sortsByScoreShipPercentAndName() {
        given().queryParam("sort", "score").when().get("/api/tools").then().statusCode(200)
                // means: smolvlm2 83.3, 2.5 80.0, native audio 80.0, smolvlm-3b 73.3, flash lite 76.0, 2b 75.0
                .body("items.verdict.meanScore", contains(83.3f, 80.0f, 80.0f, 76.0f, 75.0f, 73.3f));
        given().queryParam("sort", "ship-percent").when().get("/api/tools").then().statusCode(200)
                .body("items.verdict.shipPercent", contains(100, 100, 100, 100, 75, 75));
        given().queryParam("sort", "name").when().get("/api/tools").then().statusCode(200)
                .body("items.name", contains("Gemini 2.5 Flash Lite", "Gemini 2.5 Flash Native Audio Output",
                        "SmolVLM 2.5", "SmolVLM-3B", "SmolVLM2", "SmolVLM2-2B"));
    }

    @Test
    void searchFindsByNameVendorAndDescriptionWords() {
        given().queryParam("q", "gemini").when().get("/api/tools").then().statusCode(200)
                .body("items.slug", containsInAnyOrder("gemini-2-5-flash-lite", "gemini-2-5-flash-native-audio-output"));
        given().queryParam("q", "speech").when().get("/api/tools").then().statusCode(200)
                .body("items.slug", contains("gemini-2-5-flash-native-audio-output"));
        // prefix matching: "smolvlm" finds SmolVLM2, SmolVLM2-2B, SmolVLM-3B and SmolVLM 2.5
        given().queryParam("q", "smolvlm").when().get("/api/tools").then().statusCode(200)
                .body("items", hasSize(4));
        given().queryParam("q", "hugging face onnx").when().get("/api/tools").then().statusCode(200)
                .body("items.slug", contains("hugging-face-smolvlm-2-5-tiny-vision-language-model"));
        given().queryParam("q", "llama.cpp").when().get("/api/tools").then().statusCode(200)
                .body("items.slug", contains("hugging-face-smolvlm-2-5-tiny-vision-language-model"));
    }

    @Test
    void searchMissesAnswerAnEmptyPage() {
        given().queryParam("q", "spreadsheet").when().get("/api/tools").then().statusCode(200)
                .body("items", empty()).body("nextCursor", nullValue());
        given().queryParam("q", "&|!():*<>'\"").when().get("/api/tools").then().statusCode(200)
                .body("items", empty());
    }

    @InvalidRequests("decision in lower case, which the api accepts (the document lists the canonical upper case)")
    @Test
    void filtersByCategoryAndDecision() {
        given().queryParam("category", "developer tools").when().get("/api/tools").then().statusCode(200)
                .body("items", hasSize(6));
        given().queryParam("category", "Music").when().get("/api/tools").then().statusCode(200)
                .body("items", empty());
        given().queryParam("decision", "SHIP").when().get("/api/tools").then().statusCode(200)
                .body("items", hasSize(6));
        given().queryParam("decision", "skip").when().get("/api/tools").then().statusCode(200)
                .body("items", empty());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "limit, 0", "limit, 101", "limit, ten", "limit, -1", "limit, 99999999999",
            "sort, popular", "decision, MAYBE", "cursor, not-a-cursor", "cursor, %%%",
            // Only ASCII digits: no sign, no other script's digits.
            "limit, +5", "limit, \u0665", "limit, ' 5'",
    })
    @InvalidRequests("parameters the document forbids")
    void badParametersAre400sNamingTheParameter(String name, String value) {
        given().queryParam(name, value).when().get("/api/tools")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("errors[0].field", equalTo(name));
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        String cursor = given().queryParam("limit", 1).when().get("/api/tools")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        given().queryParam("sort", "name").queryParam("cursor", cursor).when().get("/api/tools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    /** Cursors a client made up: each is a 400 naming cursor, never a database error. */
    @ParameterizedTest(name = "sort={0} cursor of \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "name|NAME\\nab\\0c\\n1", "score|SCORE\\n1e999999999\\n1", "score|SCORE\\nNaN\\n1",
            "ship-percent|SHIP_PERCENT\\n99999999999\\n1", "newest|NEWEST\\n2026-01-01T00:00Z\\n-5",
            "name|NAME\\nname\\n1e3", "score|SCORE\\n-0.5\\n1",
    })
    void tamperedCursorsAre400s(String sort, String plain) {
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.translateEscapes().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("sort", sort).queryParam("cursor", cursor).when().get("/api/tools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @InvalidRequests("a query over 200 characters")
    @Test
    void overlongSearchIsRefused() {
        given().queryParam("q", "a".repeat(201)).when().get("/api/tools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
    }
}
