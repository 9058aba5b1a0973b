package io.shiporskip.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "shiporskip")
public interface SiteConfig {

    /** Load the demo catalog into an empty database at startup (dev and the quick-start run only). */
    @WithName("demo-data")
    @WithDefault("false")
    boolean demoData();

    Site site();

    interface Site {
        /** Where the site's review pages live: share links point at {base-url}/tool/{slug}. */
        @WithName("base-url")
        @WithDefault("http://localhost:8080")
        String baseUrl();
    }

    default String reviewPageUrl(String slug) {
        String base = site().baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/tool/" + slug;
    }
}
