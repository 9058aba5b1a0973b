package io.shiporskip.api.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shiporskip.api.CatalogDatabase;
import io.shiporskip.model.VerdictDecision;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalog text is editor input: nothing in it may become markup in the digest (Qute templates: needs the app). */
@QuarkusTest
@WithTestResource(CatalogDatabase.class)
class DigestRendererTest {

    private final WeeklyDigest digest = new WeeklyDigest("2026-W45", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8),
            List.of(new WeeklyDigest.Entry("evil", "<script>alert(1)</script>", VerdictDecision.SPLIT, 2, 2,
                    "2 ship / 2 skip", "\"Quotes\" & <b>tags</b> 'everywhere'\u0007",
                    "https://shiporskip.example/tool/evil?a=1&b=\"2\"")));

    @Test
    void htmlEscapesNamesSummariesAndLinks() {
        String html = DigestRenderer.html(digest, "https://api.example/api/newsletter/unsubscribe?token=abc&x=<y>");
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("\u0007"));
        assertTrue(html.contains("<li><h2><a href=\"https://shiporskip.example/tool/evil?a=1&amp;b=&quot;2&quot;\">"
                + "&lt;script&gt;alert(1)&lt;/script&gt;</a></h2>\n<p><strong>SPLIT</strong> · 2 ship / 2 skip</p>\n"
                + "<p>&quot;Quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt; &#39;everywhere&#39;</p></li>"), html);
        assertTrue(html.contains("<a href=\"https://api.example/api/newsletter/unsubscribe?token=abc&amp;x=&lt;y&gt;\">"
                + "Unsubscribe</a>"), html);
    }

    @Test
    void textIsPlainAndClean() {
        String text = DigestRenderer.text(digest, "https://api.example/api/newsletter/unsubscribe?token=abc");
        assertEquals("""
                This week's verdicts, 2 November 2026 to 8 November 2026 (2026-W45)

                1. <script>alert(1)</script>: SPLIT, 2 ship / 2 skip
                   "Quotes" & <b>tags</b> 'everywhere'
                   https://shiporskip.example/tool/evil?a=1&b="2"

                Unsubscribe: https://api.example/api/newsletter/unsubscribe?token=abc
                """, text);
    }

    @Test
    void subjectCountsVerdicts() {
        assertEquals("Ship or Skip weekly: 1 new verdict (2026-W45)", DigestRenderer.subject(digest));
    }
}
