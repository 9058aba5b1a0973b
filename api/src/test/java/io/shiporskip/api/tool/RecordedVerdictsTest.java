package io.shiporskip.api.tool;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shiporskip.api.AccountsProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verdict JSON badge-service reads, recorded from the real api: this test fails when api's answer no longer
 * equals the recording in shared-model/src/test/resources/contract/, and badge-service's ApiContractTest feeds the
 * same recordings to its real client. A deliberate change is re-recorded with {@code RECORD_CONTRACT=1}.
 */
@QuarkusTest
@TestProfile(AccountsProfile.class)
class RecordedVerdictsTest {

    static final Path RECORDINGS = Path.of("..", "shared-model", "src", "test", "resources", "contract");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReviewedToolsVerdictIsWhatBadgeServiceWasShown() throws Exception {
        String slug = "contract-reviewed";
        if (given().when().get("/api/tools/" + slug).statusCode() == 404) {
            TestCatalog.createTool(tool(slug, "Contract Reviewed", "Three critics ship it, one skips it"));
            review(slug, "builder", 88, "SHIP");
            review(slug, "skeptic", 61, "SKIP");
            review(slug, "futurist", 85, "SHIP");
            review(slug, "founder", 78, "SHIP");
        }
        matchesRecording("verdict-reviewed.json", given().when().get("/api/tools/" + slug + "/verdict")
                .then().statusCode(200).extract().asString());
    }

    /** A tool of its own words: other tests search the shared database for the default tool's words. */
    private static Map<String, Object> tool(String slug, String name, String tagline) {
        Map<String, Object> tool = TestCatalog.toolBody(slug);
        tool.put("name", name);
        tool.put("tagline", tagline);
        tool.put("vendor", "Contract Labs");
        tool.put("website", "https://contract.example");
        return tool;
    }

    private static void review(String slug, String critic, int score, String decision) {
        TestCatalog.review(slug, critic, score, decision, "Recorded for the contract.").then().statusCode(201);
    }

    @Test
    void anUnreviewedToolsVerdictIsWhatBadgeServiceWasShown() throws Exception {
        String slug = "contract-unreviewed";
        if (given().when().get("/api/tools/" + slug).statusCode() == 404) {
            TestCatalog.createTool(tool(slug, "Contract Unreviewed", "A tool nobody has reviewed or voted on yet"));
        }
        matchesRecording("verdict-unreviewed.json", given().when().get("/api/tools/" + slug + "/verdict")
                .then().statusCode(200).extract().asString());
    }

    /** {@code version} differs in every database; the recording holds a placeholder there. */
    private static void matchesRecording(String name, String live) throws Exception {
        ObjectNode answer = (ObjectNode) JSON.readTree(live);
        answer.put("version", "RECORDED");
        Path file = RECORDINGS.resolve(name);
        if ("1".equals(System.getenv("RECORD_CONTRACT"))) {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n");
        }
        JsonNode recorded = JSON.readTree(Files.readString(file));
        assertEquals(recorded, answer, "api's verdict JSON differs from " + file
                + "; if the change is meant, re-record with RECORD_CONTRACT=1 and rerun badge-service's ApiContractTest");
    }
}
