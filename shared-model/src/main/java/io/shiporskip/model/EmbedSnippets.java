package io.shiporskip.model;

/**
 * The embed codes makers paste, one rule for badge-service's {@code /snippets} and api's review page. Every URL carries
 * its placement ({@code src}: site, readme, embed) so a snippet's impressions and clicks count together; alt text and
 * titles name the tool, not its verdict (the image says that, live), so a pasted snippet never goes stale; images and
 * the frame shrink on narrow screens. URLs are built by the caller from configuration, never from a request.
 */
public final class EmbedSnippets {

    public static final String BRAND = "Ship or Skip";

    /**
     * The query parameter (and its one value) our own pages add to the badge and widget URLs of their previews:
     * badge-service then counts those loads nowhere (they are discarded as "own-page"), and the widget links straight
     * to the review page, so no preview is ever counted as an impression or a click.
     */
    public static final String PREVIEW_PARAM = "preview";
    public static final String PREVIEW_VALUE = "own";

    /** The card's size, shrinking with the page (height follows the width). */
    public static final String IMG_SIZE = "width=\"360\" height=\"90\" style=\"max-width:100%;height:auto;\"";

    /** One theme's three codes. */
    public record Codes(String html, String markdown, String iframe) {
    }

    private EmbedSnippets() {
    }

    /** "Ship or Skip verdict for {name}", the name cleaned of controls and bidi tricks (the slug when there is none). */
    public static String alt(String slug, String name) {
        return BRAND + " verdict for " + Markup.clean(name == null || name.isBlank() ? slug : name);
    }

    /** The compact styles' size: their own (it depends on the words), shrinking with the page. */
    public static final String COMPACT_IMG_SIZE = "style=\"max-width:100%;height:auto;\"";

    /** {@code theme}: light, dark or auto. The card; placements site (HTML), readme (Markdown) and embed (iframe). */
    public static Codes codes(String theme, String alt, String badgeUrl, String clickUrl, String embedUrl) {
        return codes(theme, null, null, alt, badgeUrl, clickUrl, embedUrl);
    }

    /**
     * The codes for one badge style and one placement, as the makers' embed builder offers them. {@code style}: null or
     * {@code card} for the card (no {@code style} parameter, its fixed size), else a compact style (flat, flat-square,
     * for-the-badge) at its own size; the widget has one look, so the iframe ignores it. {@code placement} (readme,
     * site, docs, other, embed): every code counts there; null for each format's usual place (site, readme, embed).
     */
    public static Codes codes(String theme, String style, String placement, String alt, String badgeUrl, String clickUrl,
            String embedUrl) {
        boolean card = style == null || style.equals("card");
        String s = card ? "" : "style=" + style + "&";
        String htmlAt = placement == null ? "site" : placement;
        String markdownAt = placement == null ? "readme" : placement;
        String iframeAt = placement == null ? "embed" : placement;
        String html = "<a href=\"" + clickUrl + "?src=" + htmlAt + "\" target=\"_blank\" rel=\"noopener\"><img src=\"" + badgeUrl
                + "?" + s.replace("&", "&amp;") + "theme=" + theme + "&amp;src=" + htmlAt + "\" alt=\"" + Markup.escape(alt) + "\" "
                + (card ? IMG_SIZE : COMPACT_IMG_SIZE) + " /></a>";
        String markdown = "[![" + markdownText(alt) + "](" + badgeUrl + "?" + s + "theme=" + theme + "&src=" + markdownAt + ")]("
                + clickUrl + "?src=" + markdownAt + ")";
        String iframe = "<iframe src=\"" + embedUrl + "?theme=" + theme + "&amp;src=" + iframeAt + "\" title=\"" + Markup.escape(alt)
                + "\" width=\"360\" height=\"260\" style=\"border:0;border-radius:16px;max-width:100%;\" loading=\"lazy\"></iframe>";
        return new Codes(html, markdown, iframe);
    }

    /** A {@code <picture>} that switches between the light and dark card with the reader's colour scheme. */
    public static String picture(String alt, String badgeUrl, String clickUrl) {
        return "<a href=\"" + clickUrl + "?src=site\" target=\"_blank\" rel=\"noopener\"><picture>"
                + "<source media=\"(prefers-color-scheme: dark)\" srcset=\"" + badgeUrl + "?theme=dark&amp;src=site\" />"
                + "<img src=\"" + badgeUrl + "?theme=light&amp;src=site\" alt=\"" + Markup.escape(alt) + "\" " + IMG_SIZE + " />"
                + "</picture></a>";
    }

    /**
     * Markdown alt text: markup characters become entities (renderers show them as text) and other ASCII
     * punctuation is backslash-escaped, so a name can neither close the image/link syntax nor smuggle HTML.
     */
    public static String markdownText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&') {
                out.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&amp;");
                continue;
            }
            if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
