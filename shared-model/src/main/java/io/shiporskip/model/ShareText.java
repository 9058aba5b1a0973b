package io.shiporskip.model;

/** What a "share this verdict" button posts: the text and the review page it links to. */
public record ShareText(String text, String url) {
}
