package io.shiporskip.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one rule for embed codes: the usual codes as they always were, and the builder's style and placement. */
class EmbedSnippetsTest {

    static final String BADGE = "https://b.example/api/badge/t";
    static final String CLICK = "https://b.example/api/badge-click/t";
    static final String EMBED = "https://b.example/embed/t";
    static final String ALT = "Ship or Skip verdict for T <1>";

    @Test
    void theUsualCodesAreTheCardAtEachFormatsPlace() {
        EmbedSnippets.Codes c = EmbedSnippets.codes("dark", ALT, BADGE, CLICK, EMBED);
        assertEquals("<a href=\"" + CLICK + "?src=site\" target=\"_blank\" rel=\"noopener\"><img src=\"" + BADGE
                + "?theme=dark&amp;src=site\" alt=\"Ship or Skip verdict for T &lt;1&gt;\" width=\"360\" height=\"90\" "
                + "style=\"max-width:100%;height:auto;\" /></a>", c.html());
        assertEquals("[![Ship or Skip verdict for T &lt;1&gt;](" + BADGE + "?theme=dark&src=readme)](" + CLICK + "?src=readme)",
                c.markdown());
        assertEquals("<iframe src=\"" + EMBED + "?theme=dark&amp;src=embed\" title=\"Ship or Skip verdict for T &lt;1&gt;\" "
                + "width=\"360\" height=\"260\" style=\"border:0;border-radius:16px;max-width:100%;\" loading=\"lazy\"></iframe>",
                c.iframe());
        assertEquals(c, EmbedSnippets.codes("dark", "card", null, ALT, BADGE, CLICK, EMBED));
    }

    @Test
    void aCompactStyleAtOnePlacementCarriesBothInEveryUrl() {
        EmbedSnippets.Codes c = EmbedSnippets.codes("light", "flat-square", "docs", "A", BADGE, CLICK, EMBED);
        assertEquals("<a href=\"" + CLICK + "?src=docs\" target=\"_blank\" rel=\"noopener\"><img src=\"" + BADGE
                + "?style=flat-square&amp;theme=light&amp;src=docs\" alt=\"A\" style=\"max-width:100%;height:auto;\" /></a>", c.html());
        assertEquals("[![A](" + BADGE + "?style=flat-square&theme=light&src=docs)](" + CLICK + "?src=docs)", c.markdown());
        // The widget has one look: the style does not apply, the placement does.
        assertEquals("<iframe src=\"" + EMBED + "?theme=light&amp;src=docs\" title=\"A\" width=\"360\" height=\"260\" "
                + "style=\"border:0;border-radius:16px;max-width:100%;\" loading=\"lazy\"></iframe>", c.iframe());
    }
}
