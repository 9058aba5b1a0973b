package io.shiporskip.api.page;

import io.shiporskip.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Every absolute URL the pages print, built from configuration only: the site's base URL (canonical and
 * Open Graph addresses) and badge-service's public URL (badge, widget and click-through in the embed codes).
 * Links between pages are relative, so they work on whatever host serves them.
 */
@ApplicationScoped
public class PageLinks {

    private final ApiConfig.Site site;
    private final String badgeBase;
    private final String badgeOrigin;

    public PageLinks(ApiConfig config) {
        this.site = config.site();
        this.badgeBase = withoutTrailingSlash(config.site().badgeUrl().trim());
        this.badgeOrigin = originOf(badgeBase);
    }

    /** {@code {site}/tool/{slug}}: the address share texts and badge clicks use. */
    public String reviewPage(String slug) {
        return site.reviewPageUrl(slug);
    }

    /** {@code {site}/compare?tools=a,b}. Slugs are validated, so nothing in them needs encoding. */
    public String comparePage(List<String> slugs) {
        return withoutTrailingSlash(site.baseUrl()) + comparePath(slugs);
    }

    /** The relative link to a comparison, for links between pages. */
    public static String comparePath(List<String> slugs) {
        return "/compare?tools=" + String.join(",", slugs);
    }

    public static String toolPath(String slug) {
        return "/tool/" + slug;
    }

    public String badge(String slug) {
        return badgeBase + "/api/badge/" + slug;
    }

    public String click(String slug) {
        return badgeBase + "/api/badge-click/" + slug;
    }

    public String embed(String slug) {
        return badgeBase + "/embed/" + slug;
    }

    /** scheme://host[:port] of badge-service, for the Content-Security-Policy that lets the preview load. */
    public String badgeOrigin() {
        return badgeOrigin;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("shiporskip.site.badge-url must be an absolute http or https URL, got: " + url);
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("shiporskip.site.badge-url is not a valid URL: " + url, e);
        }
    }
}
