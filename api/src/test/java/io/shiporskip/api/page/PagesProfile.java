package io.shiporskip.api.page;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The page tests' own application and database: they create tools (one named with markup, one with no reviews)
 * that must not change what the catalog tests count. The site's address is set apart from every default so a test
 * can tell configuration from the request's Host.
 *
 * <p>badge-service's address ({@code shiporskip.site.badge-url}) cannot be overridden here: it is not in
 * {@code ApiConfig} yet, and the one {@code shiporskip} mapping refuses keys it does not know from any properties
 * source. It comes from its default, or from {@code SHIPORSKIP_SITE_BADGE_URL} (environment variables are not
 * checked against the mapping).
 */
public class PagesProfile implements QuarkusTestProfile {

    static final String SITE = "https://reviews.shiporskip.example";
    static final String BADGES = System.getenv().getOrDefault("SHIPORSKIP_SITE_BADGE_URL", "http://localhost:8081");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("shiporskip.site.base-url", SITE);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PagesDatabase.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
