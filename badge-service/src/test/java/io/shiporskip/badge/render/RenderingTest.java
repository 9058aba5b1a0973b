package io.shiporskip.badge.render;

import io.shiporskip.model.Markup;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderingTest {

    @Test
    void cleanRemovesControlsBidiOverridesAndLoneSurrogates() {
        assertEquals("abc def", Markup.clean("a\u202Ebc\u0000\n\t def\uD800"));
        assertEquals("🚀 ok", Markup.clean(" 🚀\u00A0ok "));
        assertEquals("", Markup.clean(null));
    }

    @Test
    void escapeCoversMarkupAndQuotes() {
        assertEquals("&lt;/text&gt;&lt;script&gt; &amp; &quot;x&quot; &#39;y&#39;", Markup.escape("</text><script> & \"x\" 'y'"));
        assertEquals("plain", Markup.escape("plain"));
    }

    @Test
    void widthsFollowTheTable() {
        assertEquals(7.0 * 3, TextWidths.width("000", 11, false), 1e-9);
        assertTrue(TextWidths.width("WWW", 11, false) > TextWidths.width("iii", 11, false) * 3);
        assertEquals(TextWidths.width("ab", 22, false), 2 * TextWidths.width("ab", 11, false), 1e-9);
    }

    @Test
    void fitKeepsShortTextAndEllipsisesLongText() {
        assertEquals("Short", TextWidths.fit("Short", 100, 11, false));
        String fitted = TextWidths.fit("x".repeat(300), 100, 11, false);
        assertTrue(fitted.endsWith(TextWidths.ELLIPSIS));
        assertTrue(TextWidths.width(fitted, 11, false) <= 100.0001, fitted);
        // Never cuts a surrogate pair in half.
        String emoji = TextWidths.fit("🚀".repeat(50), 60, 11, false);
        assertTrue(emoji.chars().filter(c -> Character.isHighSurrogate((char) c)).count() == emoji.chars().filter(c -> Character.isLowSurrogate((char) c)).count());
    }
}
