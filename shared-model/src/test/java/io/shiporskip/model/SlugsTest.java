package io.shiporskip.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @ValueSource(strings = {"smolvlm2", "gemini-2-5-flash-lite", "a", "hugging-face-smolvlm-2-5-tiny-vision-language-model"})
    void acceptsKebabCase(String slug) {
        assertTrue(Slugs.isValid(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Smol", "smol_vlm", "-smol", "smol-", "smol--vlm", "../etc", "smol vlm", "smöl", "a%2Fb"})
    void refusesAnythingElse(String slug) {
        assertFalse(Slugs.isValid(slug));
    }

    @Test
    void refusesOverlongSlugs() {
        assertTrue(Slugs.isValid("a".repeat(100)));
        assertFalse(Slugs.isValid("a".repeat(101)));
        assertFalse(Slugs.isValid(null));
    }

    /** The hand-written check and the documented pattern agree on every string. */
    @Test
    void agreesWithThePattern() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(Slugs.PATTERN);
        java.util.Random random = new java.util.Random(42);
        String alphabet = "ab9-_A.-é\n/";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(8); j >= 0; j--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(pattern.matcher(s).matches(), Slugs.isValid(s), s);
        }
    }

    @Test
    void derivesSlugsFromNames() {
        assertEquals("smolvlm-2-5", Slugs.fromName("SmolVLM 2.5"));
        assertEquals("gemini-2-5-flash-lite", Slugs.fromName("  Gemini 2.5 Flash Lite! "));
        assertEquals("creme-brulee-ai", Slugs.fromName("Crème Brûlée AI"));
    }
}
