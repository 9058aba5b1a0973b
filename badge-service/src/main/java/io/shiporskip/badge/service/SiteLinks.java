package io.shiporskip.badge.service;

import io.shiporskip.model.ReviewPage;
import io.quarkus.runtime.Startup;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.counting.Placement;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;

/**
 * Every URL this service hands out, built from configuration and a validated slug only — never from request
 * values, so a click can only ever lead to the configured site. Bad base URLs stop the service at startup.
 */
@Startup
@Singleton
public class SiteLinks {

    static final String UTM = "utm_source=shiporskip-badge&utm_medium=badge&utm_campaign=";

    private final String siteBase;
    private final String publicBase;

    public SiteLinks(BadgeConfig config) {
        this.siteBase = base("shiporskip.site.base-url", config.site().baseUrl());
        this.publicBase = base("shiporskip.badge.public-url", config.badge().publicUrl());
    }

    /** An absolute http(s) URL without query, fragment or user info, and without a trailing slash; else a startup error. */
    public static String base(String property, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not a URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException(property + " must be an absolute http(s) URL without query, fragment or user info: " + value);
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The review page a click lands on, with UTM tags. The slug must already be valid. */
    public String review(String slug) {
        return ReviewPage.url(siteBase, slug) + "?" + UTM + slug;
    }

    /** The site's front page, with UTM tags: where a click on an unknown tool can still lead. */
    public String home() {
        return siteBase + "/?" + UTM + "unknown-tool";
    }

    public String badge(String slug) {
        return publicBase + "/api/badge/" + slug;
    }

    public String click(String slug) {
        return publicBase + "/api/badge-click/" + slug;
    }

    public String embed(String slug) {
        return publicBase + "/embed/" + slug;
    }

    /**
     * The link inside the widget: the click route with the widget's placement and the embedding page's host
     * ({@code via}, already reduced to a host name by {@code Referrers.host}; empty or null for none).
     */
    public String widgetClick(String slug, Placement placement, String embeddingHost) {
        String url = click(slug) + "?src=" + placement.param;
        return embeddingHost == null || embeddingHost.isEmpty() ? url : url + "&via=" + embeddingHost;
    }

    /**
     * Whether a Referer is this service's own widget for the slug ({@code {public}/embed/{slug}}, with or without a
     * query): a click whose Referer is that came from inside the widget, so the widget's {@code via} names the site.
     */
    public boolean isOwnWidget(String referer, String slug) {
        if (referer == null) {
            return false;
        }
        String prefix = publicBase + "/embed/" + slug;
        if (!referer.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        if (referer.length() == prefix.length()) {
            return true;
        }
        char next = referer.charAt(prefix.length());
        return next == '?' || next == '#';
    }
}
