package io.shiporskip.badge.rest;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the {@code uri} tag of the HTTP server metrics to route templates. Quarkus tags a request that no template
 * matched with its raw path (a 405, an automatic OPTIONS answer), so random paths would each make a new series
 * until {@code max-uri-tags} refuses new ones — real routes included. Those all become one {@value #UNMATCHED}.
 */
@Singleton
public class RequestMetricTags {

    static final String UNMATCHED = "UNMATCHED";

    @Produces
    @Singleton
    MeterFilter collapseUnmatchedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null || isTemplate(uri)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>(id.getTags().size());
                for (Tag t : id.getTags()) {
                    tags.add(t.getKey().equals("uri") ? Tag.of("uri", UNMATCHED) : t);
                }
                return id.replaceTags(tags);
            }
        };
    }

    /** A route template, one of Micrometer's fixed values, or Quarkus's own endpoints (a fixed set; unknown ones are 404s). */
    static boolean isTemplate(String uri) {
        return uri.indexOf('{') >= 0 || uri.startsWith("/q/") || uri.equals("NOT_FOUND") || uri.equals("REDIRECTION")
                || uri.equals("root") || uri.equals("UNKNOWN") || uri.equals("/cors-preflight") || uri.equals(UNMATCHED);
    }
}
