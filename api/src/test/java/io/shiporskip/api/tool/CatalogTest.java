package io.shiporskip.api.tool;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import org.junit.jupiter.api.Test;

/** Critics, categories, alternatives and sharing. */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class CatalogTest {

    @Test
    void criticsAreThePanelInOrder() {
        given().when().get("/api/critics").then().statusCode(200)
                .body("name", contains("Builder", "Skeptic", "Futurist", "Founder"))
                .body("slug", contains("builder", "skeptic", "futurist", "founder"))
                .body("position", contains(1, 2, 3, 4))
                .body("[1].lens", equalTo("Who else does this, where does it fail, and what makes it irrelevant in a year?"));
    }

    @Test
    void categoriesCountTheirTools() {
        given().when().get("/api/categories").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("Developer Tools"))
                .body("[0].toolCount", equalTo(6));
    }

    @InvalidRequests("limit beyond its maximum")
    @Test
    void alternativesLeaveTheToolOutAndPreferTheBestReviewed() {
        given().when().get("/api/tools/smolvlm2-2b/alternatives").then().statusCode(200)
                .body("", hasSize(5))
                .body("slug", not(hasItem("smolvlm2-2b")))
                .body("[0].slug", equalTo("smolvlm2"));
        given().queryParam("limit", 2).when().get("/api/tools/smolvlm2-2b/alternatives").then().statusCode(200)
                .body("", hasSize(2));
        given().queryParam("limit", 21).when().get("/api/tools/smolvlm2-2b/alternatives").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().when().get("/api/tools/unknown-tool/alternatives").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shareTextReadsLikeTheSite() {
        given().when().get("/api/tools/hugging-face-smolvlm-2-5-tiny-vision-language-model/share")
                .then().statusCode(200)
                .body("text", equalTo("SmolVLM 2.5 verdict: SHIP 🚀 4 ships · 0 skips from the expert panel. "
                        + "Full review: https://shiporskip.example/tool/hugging-face-smolvlm-2-5-tiny-vision-language-model"))
                .body("url", equalTo("https://shiporskip.example/tool/hugging-face-smolvlm-2-5-tiny-vision-language-model"));
        given().when().get("/api/tools/smolvlm-3b/share").then().statusCode(200)
                .body("text", equalTo("SmolVLM-3B verdict: SHIP 🚀 3 ships · 1 skip from the expert panel. "
                        + "Full review: https://shiporskip.example/tool/smolvlm-3b"));
        given().when().get("/api/tools/not-a-tool/share").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
