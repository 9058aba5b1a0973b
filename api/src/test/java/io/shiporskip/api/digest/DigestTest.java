package io.shiporskip.api.digest;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shiporskip.api.CatalogDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class DigestTest {

    @Test
    void demoWeekListsItsVerdictsMostShippedFirst() {
        given().when().get("/api/digests/weekly?week=2026-W45").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("week", equalTo("2026-W45"))
                .body("from", equalTo("2026-11-02"))
                .body("to", equalTo("2026-11-08"))
                // 4-0 before 3-1; within a split, higher mean score first, then name.
                .body("verdicts.slug", contains("smolvlm2", "gemini-2-5-flash-native-audio-output",
                        "hugging-face-smolvlm-2-5-tiny-vision-language-model", "gemini-2-5-flash-lite",
                        "smolvlm2-2b", "smolvlm-3b"))
                .body("verdicts.decision", contains("SHIP", "SHIP", "SHIP", "SHIP", "SHIP", "SHIP"))
                .body("verdicts.ships", contains(4, 4, 4, 4, 3, 3))
                .body("verdicts.skips", contains(0, 0, 0, 0, 1, 1))
                .body("verdicts.panelSplit", contains("4 ship / 0 skip", "4 ship / 0 skip", "4 ship / 0 skip",
                        "4 ship / 0 skip", "3 ship / 1 skip", "3 ship / 1 skip"))
                .body("verdicts[0].name", equalTo("SmolVLM2"))
                .body("verdicts[0].summary", equalTo("Open-source 2B vision-language model that punches above its weight class"))
                .body("verdicts[0].url", equalTo("https://shiporskip.example/tool/smolvlm2"))
                .body("verdicts[3].name", equalTo("Gemini 2.5 Flash Lite"))
                .body("verdicts[3].summary", equalTo("Google's smallest, fastest Gemini for high-throughput, low-cost inference"))
                .body("verdicts[5].name", equalTo("SmolVLM-3B"))
                .body("verdicts[5].url", equalTo("https://shiporskip.example/tool/smolvlm-3b"));
    }

    @Test
    void defaultIsTheLastCompleteIsoWeekInUtc() {
        String expected = LocalDate.now(ZoneOffset.UTC).minusDays(7).format(DateTimeFormatter.ISO_WEEK_DATE).substring(0, 8);
        given().when().get("/api/digests/weekly").then().statusCode(200).body("week", equalTo(expected));
    }

    @Test
    void weeksWithoutNewVerdictsAreEmpty() {
        given().when().get("/api/digests/weekly?week=2026-W44").then().statusCode(200)
                .body("week", equalTo("2026-W44"))
                .body("from", equalTo("2026-10-26"))
                .body("verdicts", empty());
        given().when().get("/api/digests/weekly.html?week=2026-W44").then().statusCode(200)
                .body(containsString("<p>No new verdicts this week.</p>"));
    }

    @InvalidRequests("malformed weeks")
    @Test
    void badWeeksAre400NamingWeek() {
        for (String week : new String[] {"2026-45", "2026-W5", "2026-W00", "2025-W53", "2026-W54", "W45", "2026W45", "abc"}) {
            given().when().get("/api/digests/weekly?week=" + week).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("week"))
                    .body("stackTrace", nullValue());
            given().when().get("/api/digests/weekly.html?week=" + week).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("week"));
        }
        // 2026 has 53 ISO weeks.
        given().when().get("/api/digests/weekly?week=2026-W53").then().statusCode(200).body("from", equalTo("2026-12-28"));
    }

    @Test
    void htmlIsTheMailsDocumentWithEveryTextEscaped() {
        String html = given().when().get("/api/digests/weekly.html?week=2026-W45").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("<title>Ship or Skip weekly digest 2026-W45</title>"))
                .body(containsString("<p>2 November 2026 to 8 November 2026 (2026-W45)</p>"))
                .body(containsString("<li><h2><a href=\"https://shiporskip.example/tool/smolvlm2\">SmolVLM2</a></h2>\n"
                        + "<p><strong>SHIP</strong> · 4 ship / 0 skip</p>\n"
                        + "<p>Open-source 2B vision-language model that punches above its weight class</p></li>"))
                .body(containsString("<p>Google&#39;s smallest, fastest Gemini for high-throughput, low-cost inference</p>"))
                .body(not(containsString("Google's")))
                .body(not(containsString("Unsubscribe")))
                .extract().asString();
        assertTrue(html.indexOf(">SmolVLM2<") < html.indexOf(">SmolVLM-3B<"));
    }

    @Test
    void openApiDescribesTheNewRoutes() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/digests/weekly'.get.summary", equalTo("A week's new verdicts, most-shipped first"))
                .body("paths.'/api/digests/weekly.html'.get.summary", not(emptyOrNullString()))
                .body("paths.'/api/newsletter/subscriptions'.post.summary", equalTo("Sign up for the weekly digest"))
                .body("paths.'/api/newsletter/confirm'.post.summary", not(emptyOrNullString()))
                .body("paths.'/api/newsletter/unsubscribe'.post.summary", equalTo("One-click unsubscribe (RFC 8058)"))
                .body("paths.'/api/verdicts/feed.atom'.get.summary", equalTo("Atom 1.0 feed of the newest verdicts"))
                .body("paths.'/api/verdicts/feed.json'.get.summary", equalTo("JSON Feed 1.1 of the newest verdicts"));
    }
}
