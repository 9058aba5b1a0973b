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

    @Test
    void derivesSlugsFromNames() {
        assertEquals("smolvlm-2-5", Slugs.fromName("SmolVLM 2.5"));
        assertEquals("gemini-2-5-flash-lite", Slugs.fromName("  Gemini 2.5 Flash Lite! "));
        assertEquals("creme-brulee-ai", Slugs.fromName("Crème Brûlée AI"));
    }
}
