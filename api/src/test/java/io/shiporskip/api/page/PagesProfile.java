package io.shiporskip.api.page;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The page tests' own application and database ({@link PagesDatabase}): they create tools (one named with markup, one
 * with no reviews) that must not change what the catalog tests count. The site's address is set apart from every
 * default so a test can tell configuration from the request's Host; badge-service's address too, so embed codes are
 * shown to come from configuration.
 */
public class PagesProfile implements QuarkusTestProfile {

    static final String SITE = "https://reviews.shiporskip.example";
    static final String BADGES = "https://badges.shiporskip.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("shiporskip.site.badge-url", BADGES);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PagesDatabase.class));
    }
}
