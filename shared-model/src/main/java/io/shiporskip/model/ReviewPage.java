package io.shiporskip.model;

/** Where the public site shows a tool's review: share texts (api) and badge click-throughs (badge-service). */
public final class ReviewPage {

    private ReviewPage() {
    }

    /** {@code {base}/tool/{slug}}, with or without a trailing slash on the base. */
    public static String url(String siteBaseUrl, String slug) {
        String base = siteBaseUrl.endsWith("/") ? siteBaseUrl.substring(0, siteBaseUrl.length() - 1) : siteBaseUrl;
        return base + "/tool/" + slug;
    }
}
