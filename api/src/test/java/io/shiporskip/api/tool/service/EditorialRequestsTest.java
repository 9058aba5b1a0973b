package io.shiporskip.api.tool.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The request patterns became ECMA-262 (no inline flags, no \S); Java must still accept and refuse exactly what the
 * patterns they replaced did.
 */
class EditorialRequestsTest {

    private static final List<String> SAMPLES = List.of("", " ", "\t\n\r\f\u000B", "a", " a ", "\u00A0", "\u2003",
            "\u2028", "x\ny", "\n\n", "https://quill.example", "http://a b", "https://", "ftp://x", "https://x\u00A0y",
            "https://x\ty", "HTTPS://x", "\u0001", "Ada\u007F", "Ada Lovelace", "SHIP", "SKIP", "ship", "SHIPS", "xSHIP",
            "SHIP\n", "");

    @Test
    void notBlankMeansWhatItMeantInJava() {
        same("(?s).*\\S.*", EditorialRequests.NOT_BLANK);
        for (char c = 0; c < 0x3100; c++) {
            String one = "  " + c + " ";
            assertEquals(Pattern.matches("(?s).*\\S.*", one), Pattern.matches(EditorialRequests.NOT_BLANK, one),
                    "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void urlMeansWhatItMeantInJava() {
        same("^https?://[^\\s]+$", EditorialRequests.URL);
    }

    @Test
    void decisionIsExactlyShipOrSkip() {
        same("SHIP|SKIP", EditorialRequests.DECISION);
    }

    @Test
    void displayNameRefusesTheSameControlCharacters() {
        same("[^\\p{Cntrl}]*", "^[^\\x00-\\x1F\\x7F]*$");
        for (char c = 0; c < 0x3100; c++) {
            String name = "A" + c;
            assertEquals(Pattern.matches("[^\\p{Cntrl}]*", name), Pattern.matches("^[^\\x00-\\x1F\\x7F]*$", name),
                    "U+" + Integer.toHexString(c));
        }
    }

    /** @Pattern uses matches(): the whole value. */
    private static void same(String before, String after) {
        for (String sample : SAMPLES) {
            assertEquals(Pattern.matches(before, sample), Pattern.matches(after, sample), () -> "'" + sample + "'");
        }
    }
}
