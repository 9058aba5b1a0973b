package io.shiporskip.api.page;

import io.shiporskip.api.contract.InvalidRequests;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The comparison page at /compare?tools=a,b: decision table and reviewer scorecard. */
@QuarkusTest
@TestProfile(PagesProfile.class)
class ComparePageTest {

    private static final String PAIR = "gemini-2-5-flash-native-audio-output,smolvlm2-2b";

    @Test
    void showsTheDecisionTableAndTheScorecardInTheOrderAsked() {
        String body = given().header("Host", "evil.example").when().get("/compare?tools=" + PAIR)
                .then().statusCode(200).contentType("text/html;charset=UTF-8").extract().asString();
        Html page = Html.parse(body);

        assertEquals(List.of("Gemini 2.5 Flash Native Audio Output vs SmolVLM2-2B"), page.texts("h1"));
        assertEquals("Gemini 2.5 Flash Native Audio Output vs SmolVLM2-2B — Ship or Skip", page.title());
        assertEquals(PagesProfile.SITE + "/compare?tools=" + PAIR, page.meta("og:url"));
        assertFalse(body.contains("evil.example"));

        // Column headers, then one row per question, one cell per tool.
        assertEquals(List.of("Decision", "Gemini 2.5 Flash Native Audio Output", "SmolVLM2-2B"),
                cells(section(body, "<thead>", "</thead>"), "th"));
        List<List<String>> rows = rows(section(body, "<tbody>", "</tbody>"));
        assertEquals(List.of("Panel verdict", "Ship · 4 ship / 0 skip", "Ship · 3 ship / 1 skip"), rows.get(0));
        assertEquals(List.of("Community", "No community votes yet", "No community votes yet"), rows.get(1));
        assertEquals(List.of("Pricing", "Free tier via AI Studio / Pay-as-you-go via Gemini API (pricing per token, "
                + "audio output billed at standard Flash rates)", "Free / Open weights (Apache 2.0)"), rows.get(2));
        assertEquals("Best for", rows.get(3).get(0));
        assertEquals(List.of("Category", "Developer Tools", "Developer Tools"), rows.get(4));
        assertEquals(5, rows.size());

        // Scorecard: a heading per critic, then each tool's score and call in column order.
        assertEquals(List.of("Builder", "Skeptic", "Futurist", "Founder"),
                page.texts("h3").subList(page.texts("h3").size() - 4, page.texts("h3").size()));
        String scorecard = section(body, "id=\"scorecard-heading\"", "</main>");
        assertEquals(List.of("82/100", "88/100", "76/100", "78/100", "84/100", "82/100", "78/100", "52/100"),
                all(scorecard, "<span class=\"score-number\">([^<]*)</span>"));
        assertEquals(List.of("Ship", "Ship", "Ship", "Ship", "Ship", "Ship", "Ship", "Skip"),
                all(scorecard, "<span class=\"score-call\">([^<]*)</span>"));
        assertTrue(scorecard.contains("Audio becomes just another response format"), "the Builder's review text");
        assertTrue(scorecard.contains("There is no buyer here, only a download."), "the Founder's review text");

        // Tool cards link to their review pages.
        assertTrue(page.hrefs().containsAll(List.of("/tool/gemini-2-5-flash-native-audio-output", "/tool/smolvlm2-2b")));
        assertTrue(body.contains("role=\"region\" aria-labelledby=\"decision-heading\" tabindex=\"0\""),
                "the table scrolls inside a focusable region on narrow screens, never the page");
        page.assertAccessibleStructure();
    }

    @Test
    void columnsFollowTheOrderAskedForUpToFourTools() {
        String body = given().when().get("/compare?tools=smolvlm2,gemini-2-5-flash-lite,smolvlm-3b,smolvlm2-2b")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of("Decision", "SmolVLM2", "Gemini 2.5 Flash Lite", "SmolVLM-3B", "SmolVLM2-2B"),
                cells(section(body, "<thead>", "</thead>"), "th"));
    }

    @ParameterizedTest
    @CsvSource({
            "smolvlm2;no-such-tool, 404, Page not found",
            "smolvlm2;SmolVLM2-2B, 404, Page not found",
            "smolvlm2;%3Cscript%3E, 404, Page not found",
            "smolvlm2, 400, We could not read that request",
            "smolvlm2;smolvlm2, 400, We could not read that request",
            "a;b;c;d;e, 400, We could not read that request",
            "'', 400, We could not read that request"})
    @InvalidRequests("tool lists the document forbids")
    void badComparisonsAreHtmlPages(String tools, int status, String heading) {
        String body = given().urlEncodingEnabled(false).when().get("/compare?tools=" + tools.replace(';', ','))
                .then().statusCode(status).contentType("text/html;charset=UTF-8").extract().asString();
        Html page = Html.parse(body);
        assertEquals(List.of(heading), page.texts("h1"));
        assertFalse(body.contains("<script"));
        page.assertAccessibleStructure();
    }

    @InvalidRequests("no tools parameter")
    @Test
    void withoutAnyToolsIsA400Page() {
        given().when().get("/compare").then().statusCode(400).contentType("text/html;charset=UTF-8");
    }

    private static String section(String body, String from, String to) {
        int start = body.indexOf(from);
        int end = body.indexOf(to, start);
        assertTrue(start >= 0 && end > start, from + " … " + to);
        return body.substring(start, end);
    }

    private static List<List<String>> rows(String tbody) {
        Matcher m = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(tbody);
        List<List<String>> rows = new java.util.ArrayList<>();
        while (m.find()) {
            rows.add(cells(m.group(1), "th|td"));
        }
        return rows;
    }

    private static List<String> cells(String html, String tags) {
        return all(html, "<(?:" + tags + ")\\b[^>]*>(.*?)</(?:" + tags + ")>");
    }

    private static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(Html.unescape(m.group(1).replaceAll("<[^>]+>", "")).trim());
        }
        return found;
    }
}
