package io.shiporskip.badge.dashboard;

import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.service.SiteLinks;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;

/**
 * Where the dashboard's browser code goes: api's public URL (sign-in, tool names) and, for the Content-Security-Policy,
 * its origin. From configuration only; a bad URL stops the service at startup.
 */
@Singleton
public class DashboardLinks {

    private final String apiUrl;
    private final String apiOrigin;

    public DashboardLinks(BadgeConfig config) {
        String property = config.api().publicUrl().isPresent() ? "shiporskip.api.public-url" : "shiporskip.api.url";
        this.apiUrl = SiteLinks.base(property, config.api().publicUrl().orElse(config.api().url()));
        URI uri = URI.create(apiUrl);
        this.apiOrigin = uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** api's public URL, e.g. {@code https://api.shiporskip.example}. */
    public String apiUrl() {
        return apiUrl;
    }

    /** scheme://host[:port] of api: the one other origin the page may connect to. */
    public String apiOrigin() {
        return apiOrigin;
    }
}
