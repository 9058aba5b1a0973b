package io.shiporskip.badge.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** If-None-Match as RFC 9110 §13.1.2 has it: weak comparison, comma lists, "*". */
class EtagsTest {

    static final String TAG = "\"abc123\"";

    @Test
    void weakComparison() {
        assertTrue(Etags.matches("\"abc123\"", TAG));
        assertTrue(Etags.matches("W/\"abc123\"", TAG), "W/\"x\" matches \"x\"");
        assertTrue(Etags.matches("\"abc123\"", "W/" + TAG), "and the other way round");
        assertFalse(Etags.matches("\"abc12\"", TAG));
        assertFalse(Etags.matches("\"abc1234\"", TAG), "no prefix or substring matches");
        assertFalse(Etags.matches("\"xabc123\"", TAG));
        assertFalse(Etags.matches("abc123", TAG), "an unquoted value is not an entity tag");
    }

    @Test
    void listsAndStar() {
        assertTrue(Etags.matches("\"one\", \"abc123\"", TAG));
        assertTrue(Etags.matches("W/\"one\",W/\"abc123\"", TAG));
        assertTrue(Etags.matches("  \"one\" ,\t W/\"abc123\" , \"two\"", TAG));
        assertFalse(Etags.matches("\"one\", \"two\"", TAG));
        assertTrue(Etags.matches("*", TAG));
        assertTrue(Etags.matches(" * ", TAG));
        assertFalse(Etags.matches("", TAG));
        assertFalse(Etags.matches(null, TAG));
    }

    @Test
    void tagsThatContainCommasAndMalformedHeaders() {
        assertTrue(Etags.matches("\"a,b\", \"abc123\"", TAG), "a comma inside a tag is part of it");
        assertFalse(Etags.matches("\"a,b\"", "\"b\""));
        assertFalse(Etags.matches("\"unterminated", TAG));
        assertFalse(Etags.matches("W/", TAG));
        assertFalse(Etags.matches("W/abc123", TAG));
    }

    @Test
    void tagsAreStrongQuotedAndFollowTheRepresentation() {
        String a = Etags.of("one body");
        assertTrue(a.startsWith("\"") && a.endsWith("\"") && a.length() == 26, a);
        assertEquals(a, Etags.of("one body"));
        assertFalse(a.equals(Etags.of("another body")));
    }
}
