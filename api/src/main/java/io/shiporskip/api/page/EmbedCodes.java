package io.shiporskip.api.page;

import io.shiporskip.model.Markup;

/**
 * The embed codes of a review page, the same ones badge-service answers at {@code /api/badge/{slug}/snippets}:
 * built from badge-service's public URL and the slug (validated), the tool's name cleaned and escaped inside
 * them. The page prints them as text (escaped once more by the template) and shows the badge and widget live.
 */
public record EmbedCodes(String html, String markdown, String iframe, String badgeUrl, String embedUrl,
        String badgeAlt, String widgetTitle) {

    public static EmbedCodes of(String slug, String name, String call, PageLinks links) {
        String shown = Markup.clean(name == null || name.isBlank() ? slug : name);
        String alt = shown + " " + call + " verdict on ShipOrSkip";
        String widgetTitle = shown + " ShipOrSkip verdict";
        String badge = links.badge(slug);
        String click = links.click(slug);
        String embed = links.embed(slug);
        String html = "<a href=\"" + click + "?src=site\" target=\"_blank\" rel=\"noopener\"><img src=\"" + badge
                + "?src=site\" alt=\"" + Markup.escape(alt) + "\" width=\"360\" height=\"90\" /></a>";
        String markdown = "[![" + markdownText(alt) + "](" + badge + "?src=readme)](" + click + "?src=readme)";
        String iframe = "<iframe src=\"" + embed + "\" title=\"" + Markup.escape(widgetTitle)
                + "\" width=\"360\" height=\"260\" style=\"border:0;border-radius:16px;max-width:100%;\" loading=\"lazy\"></iframe>";
        return new EmbedCodes(html, markdown, iframe, badge, embed, alt, widgetTitle);
    }

    /**
     * Markdown alt text: markup characters become entities and other ASCII punctuation is backslash-escaped, so a
     * name can neither close the image or link syntax nor smuggle HTML (badge-service's rule for the same code).
     */
    static String markdownText(String text) {
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
