package io.shiporskip.api.platform;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the {@code uri} tag of the HTTP server metrics to the api's routes. Quarkus tags a request no route matched (a
 * 405, an automatic OPTIONS answer) with its raw path, so random paths each made a new series until the 100 allowed
 * were used up — and real routes lost their metrics. A uri that is neither a route template, nor a literal route of a
 * resource class, nor one of Micrometer's fixed values becomes {@value #UNMATCHED}.
 */
@Singleton
public class RequestMetricTags {

    static final String UNMATCHED = "UNMATCHED";
    private static final Set<String> FIXED = Set.of("NOT_FOUND", "REDIRECTION", "root", "UNKNOWN", "/cors-preflight", UNMATCHED);

    private volatile Set<String> literalRoutes;

    @Produces
    @Singleton
    MeterFilter collapseUnmatchedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getName().startsWith("http.server") ? id.getTag("uri") : null;
                if (uri == null || isRoute(uri)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>(id.getTags().size());
                for (Tag tag : id.getTags()) {
                    tags.add(tag.getKey().equals("uri") ? Tag.of("uri", UNMATCHED) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }

    boolean isRoute(String uri) {
        return uri.indexOf('{') >= 0 || uri.startsWith("/q/") || FIXED.contains(uri) || literalRoutes().contains(uri);
    }

    /** The routes without a path parameter, read once from the resource classes' {@code @Path}s. */
    private Set<String> literalRoutes() {
        Set<String> routes = literalRoutes;
        if (routes == null) {
            routes = new HashSet<>();
            for (var bean : Arc.container().beanManager().getBeans(Object.class)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                routes.add(normalise(root.value()));
                for (Method method : type.getMethods()) {
                    Path sub = method.getAnnotation(Path.class);
                    if (sub != null) {
                        routes.add(normalise(root.value() + "/" + sub.value()));
                    }
                }
            }
            literalRoutes = routes;
        }
        return routes;
    }

    private static String normalise(String path) {
        String joined = ("/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
