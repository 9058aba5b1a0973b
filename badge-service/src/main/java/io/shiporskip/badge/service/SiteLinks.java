package io.shiporskip.badge.service;

import io.shiporskip.model.ReviewPage;
import io.quarkus.runtime.Startup;
import io.shiporskip.badge.config.BadgeConfig;
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

    static String base(String property, String value) {
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

    public String badge(String slug) {
        return publicBase + "/api/badge/" + slug;
    }

    public String click(String slug) {
        return publicBase + "/api/badge-click/" + slug;
    }

    public String embed(String slug) {
        return publicBase + "/embed/" + slug;
    }
}
