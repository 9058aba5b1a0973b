package io.shiporskip.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.openapi.models.PathItem;

/** The document's rules that are plain functions: what they write must mean what the Java code checks. */
class OpenApiContractTest {

    /**
     * The pattern written for @NotBlank accepts exactly the strings String.isBlank refuses. The class holds only
     * literal characters and ranges, which Java and ECMA-262 read alike, so checking it with java.util.regex checks
     * what a JavaScript client evaluates too.
     */
    @Test
    void theNotBlankPatternMeansWhatStringIsBlankMeans() {
        Pattern notBlank = Pattern.compile(OpenApiContract.NOT_BLANK);
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            String one = String.valueOf(c);
            assertEquals(!one.isBlank(), notBlank.matcher(one).find(), () -> "U+" + Integer.toHexString(one.charAt(0)));
            String padded = " \t" + c + "\u2003";
            assertEquals(!padded.isBlank(), notBlank.matcher(padded).find(), () -> "padded U+" + Integer.toHexString(one.charAt(2)));
        }
        assertEquals(false, notBlank.matcher("").find());
    }

    @Test
    void operationIdsWithoutAnExplicitOneComeFromMethodAndPath() {
        assertEquals("getVerdictsEvents", OpenApiContract.operationId(PathItem.HttpMethod.GET, "/api/verdicts/events"));
        assertEquals("getToolsEvents", OpenApiContract.operationId(PathItem.HttpMethod.GET, "/api/tools/{slug}/events"));
        assertEquals("getVerdictsFeedJson", OpenApiContract.operationId(PathItem.HttpMethod.GET, "/api/verdicts/feed.json"));
    }
}
