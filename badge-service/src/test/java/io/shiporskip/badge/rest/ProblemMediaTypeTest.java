package io.shiporskip.badge.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The label of a problem on the image, widget and click-through routes: the JSON type the client's Accept admits,
 * problem+json whenever it admits that (by name or a wildcard).
 */
class ProblemMediaTypeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null | application/problem+json",
        "application/json | application/json",
        "Application/JSON; charset=utf-8 | application/json",
        "application/json, text/html | application/json",
        "application/problem+json | application/problem+json",
        "application/json, application/problem+json | application/problem+json",
        "application/json, application/* | application/problem+json",
        "application/json, */* | application/problem+json",
        "application/json, application/problem+json;q=0 | application/json",
        "application/json;q=0.5, */*;q=0.0 | application/json",
        "text/html | application/problem+json"})
    void labelFollowsAccept(String accept, String expected) {
        assertEquals(expected, Headers.problemMediaType(accept));
    }

    @ParameterizedTest
    @CsvSource({"/embed/some-tool, true", "/api/badge-click/some-tool, true", "/api/badge/some-tool/shields.json, false",
        "/api/makers/tools/some-tool/stats, false"})
    void onlyTheWidgetAndTheClickThroughNegotiateInTheMappers(String path, boolean negotiates) {
        if (negotiates) {
            assertTrue(Headers.answersProblemsAsAsked(path));
        } else {
            assertFalse(Headers.answersProblemsAsAsked(path));
        }
    }
}
