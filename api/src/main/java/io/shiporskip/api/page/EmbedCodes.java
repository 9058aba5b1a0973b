package io.shiporskip.api.page;

import io.shiporskip.model.EmbedSnippets;

/**
 * The embed codes of a review page, the same ones badge-service answers at {@code /api/badge/{slug}/snippets}
 * (one rule, {@link EmbedSnippets}): built from badge-service's public URL and the slug (validated), the tool's name
 * cleaned and escaped inside them. The page prints them as text (escaped once more by the template) and shows the badge and widget live.
 * The live previews carry our own-page marker ({@link EmbedSnippets#PREVIEW_PARAM}): badge-service counts them nowhere,
 * and the preview widget links straight to this page, so a reader who lands here adds no impression and no click.
 */
public record EmbedCodes(String html, String markdown, String iframe, String previewBadgeUrl, String previewEmbedUrl,
        String badgeAlt, String widgetTitle) {

    /** The auto-theme codes, as badge-service's {@code /snippets} answers them at the top level. */
    public static EmbedCodes of(String slug, String name, PageLinks links) {
        String alt = EmbedSnippets.alt(slug, name);
        String badge = links.badge(slug);
        String embed = links.embed(slug);
        EmbedSnippets.Codes codes = EmbedSnippets.codes("auto", alt, badge, links.click(slug), embed);
        String preview = "?" + EmbedSnippets.PREVIEW_PARAM + "=" + EmbedSnippets.PREVIEW_VALUE;
        return new EmbedCodes(codes.html(), codes.markdown(), codes.iframe(), badge + preview, embed + preview, alt, alt);
    }
}
