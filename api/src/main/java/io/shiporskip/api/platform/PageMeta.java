package io.shiporskip.api.platform;

/**
 * What a page's {@code <head>} says about it: the title, the description search engines and link previews show,
 * and the canonical address (from configuration, never from the request's Host header; null for pages that are
 * not worth indexing, such as errors and the sign-up answer).
 */
public record PageMeta(String title, String socialTitle, String description, String url, String type) {

    private static final String SITE = " — Ship or Skip";

    /** A page to index and share: canonical link and og:url. */
    public static PageMeta shared(String heading, String description, String url, String type) {
        return new PageMeta(heading + SITE, heading, description, url, type);
    }

    /** A page nobody should index or share (errors, form answers): no canonical URL, robots noindex. */
    public static PageMeta unlisted(String heading, String description) {
        return new PageMeta(heading + SITE, heading, description, null, "website");
    }

    public boolean indexable() {
        return url != null;
    }
}
