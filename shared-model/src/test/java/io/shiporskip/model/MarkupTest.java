package io.shiporskip.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void escapesMarkupInTextAndAttributes() {
        assertEquals("&lt;/text&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                Markup.safe("</text><script>alert('x')</script> & \"q\""));
    }

    @Test
    void dropsControlsBidiOverridesAndLoneSurrogates() {
        assertEquals("evil gpj.exe", Markup.safe("\u202Eevil\u0000\n\tgpj.exe\uD800"));
        assertEquals("Smol VLM", Markup.clean("Smol\u200B \u200C\u200DV\u2060L\uFEFFM"));
        assertEquals("🚀 ship", Markup.safe("  🚀\u200F   ship  "));
        assertEquals("", Markup.safe(null));
    }
}
