package io.shiporskip.api.tool.mapping;

/** What a "share this verdict" button posts: the text and the review page it links to. */
public record ShareText(String text, String url) {
}
