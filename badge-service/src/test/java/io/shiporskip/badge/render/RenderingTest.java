package io.shiporskip.badge.render;

import io.shiporskip.model.Markup;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static String texts(byte[] svg) throws Exception {
        var doc = io.shiporskip.badge.Fixtures.parseXml(new String(svg, java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder all = new StringBuilder();
        var texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        return all.toString();
    }

    /** Issue 13: long names were cut about 30 px early; now only a name wider than its room is cut. */
    @Test
    void aNameIsCutOnlyWhenItReallyOverflows() throws Exception {
        SvgRenderer r = new SvgRenderer();
        double room = SvgRenderer.nameRoom("SHIP");
        assertTrue(room >= 195, "room beside the SHIP pill: " + room);
        // The longest prefix of a long name that fits: drawn whole, no ellipsis.
        String longName = "Gemini 2.5 Flash Native Audio Output";
        String fits = longName;
        while (TextWidths.width(fits, SvgRenderer.NAME_SIZE, true) > room) {
            fits = fits.substring(0, fits.length() - 1);
        }
        assertTrue(TextWidths.width(fits, SvgRenderer.NAME_SIZE, true) > 172 + 10, "a name the old layout cut: " + fits);
        String shown = texts(r.verdict(io.shiporskip.badge.Fixtures.verdict("n", fits, io.shiporskip.model.VerdictDecision.SHIP, 4, 0, "1"),
                BadgeStyle.CARD, Theme.LIGHT));
        assertTrue(shown.contains(fits + "\n"), shown);
        assertFalse(shown.contains(TextWidths.ELLIPSIS), shown);
        // One character more than fits is cut, with the ellipsis inside the room.
        String over = longName.substring(0, fits.length() + 1);
        String cut = texts(r.verdict(io.shiporskip.badge.Fixtures.verdict("n", over, io.shiporskip.model.VerdictDecision.SHIP, 4, 0, "1"),
                BadgeStyle.CARD, Theme.LIGHT));
        assertTrue(cut.contains(TextWidths.ELLIPSIS), cut);
    }

    /** Every error state's words fit whole, in every style: designed states, not cut placeholders. */
    @Test
    void errorStatesAreDrawnWhole() throws Exception {
        SvgRenderer r = new SvgRenderer();
        for (ErrorState state : ErrorState.values()) {
            assertTrue(TextWidths.width(state.title, SvgRenderer.NAME_SIZE, true) <= SvgRenderer.nameRoom(null), state.title);
            assertTrue(TextWidths.width(state.hint, SvgRenderer.LINE_SIZE, false) <= SvgRenderer.FULL_LINE, state.hint);
            for (BadgeStyle style : BadgeStyle.values()) {
                for (Theme theme : Theme.values()) {
                    String t = texts(r.error(state, style, theme));
                    assertFalse(t.contains(TextWidths.ELLIPSIS), state + " " + style + ": " + t);
                    assertFalse(t.contains("?"), "no placeholder question mark: " + t);
                    if (style == BadgeStyle.CARD) {
                        assertTrue(t.contains(state.title) && t.contains(state.hint) && t.contains("Ship or Skip"), t);
                    } else {
                        assertTrue(t.toLowerCase(java.util.Locale.ROOT).contains(state.shortText), t);
                    }
                }
            }
        }
    }

    /** The mark is paths, not a monogram in a font: no "S/S", and one tile with a glyph on every card. */
    @Test
    void theMarkIsDrawnWithPaths() throws Exception {
        SvgRenderer r = new SvgRenderer();
        for (io.shiporskip.model.VerdictDecision d : io.shiporskip.model.VerdictDecision.values()) {
            String svg = new String(r.verdict(io.shiporskip.badge.Fixtures.verdict("m", "Mark Tool", d, 1, 1, "1"), BadgeStyle.CARD, Theme.DARK),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(svg.contains("S/S"), svg);
            assertTrue(svg.contains("<path d=\""), svg);
            assertFalse(svg.contains("<image") || svg.contains("@font-face") || svg.contains("href="), "nothing loaded from outside");
        }
    }
}
