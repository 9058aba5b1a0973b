package io.shiporskip.badge.stats;

import io.shiporskip.model.ProblemTypes;
import io.shiporskip.model.ProblemDetail;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.rest.ProblemMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for the maker routes ({@code /api/makers/*}) only, for the configured front-end origins
 * ({@code shiporskip.makers.cors-origins}): the badge routes stay readable from anywhere ({@code *}, no credentials)
 * and Quarkus' global CORS filter stays off. An allowed origin gets its own origin back; any other gets no CORS
 * header at all, and its preflight a 403 problem. The token travels in {@code Authorization}, never in a cookie, so
 * no {@code Allow-Credentials}. Every answer on these paths depends on {@code Origin}: {@code Vary: Origin}.
 */
@ApplicationScoped
public class StatsCors {

    static final String PATH = "/api/makers/*";
    /** Before Quarkus REST (order 20 000+) and the badge route, so a preflight never reaches a resource. */
    static final int ORDER = 1_000;
    static final String ALLOW_METHODS = "GET";
    static final String ALLOW_HEADERS = "Authorization, Accept";
    /** The CSV's file name is in Content-Disposition; a browser script may read only what is exposed. */
    static final String EXPOSE_HEADERS = "Content-Disposition";
    static final String MAX_AGE = "3600";

    private final Set<String> origins;

    public StatsCors(BadgeConfig config) {
        this.origins = config.makers().corsOrigins().stream().map(StatsCors::normalise).filter(o -> !o.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Origins compare as browsers send them: scheme://host[:port], lower-case, no trailing slash. */
    static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        return o;
    }

    public boolean allowed(String origin) {
        return origin != null && origins.contains(normalise(origin));
    }

    void register(@Observes Router router) {
        router.route(PATH).order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        MultiMap out = ctx.response().headers();
        // At the end: the resource sets its own Vary (Accept, Authorization), which would replace an earlier one.
        ctx.addHeadersEndHandler(v -> varyOnOrigin(out));
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null && origin != null;
        boolean ok = allowed(origin);
        if (preflight) {
            if (!ok) {
                ctx.response().putHeader("X-Content-Type-Options", "nosniff");
                // The same type as api's CORS refusal, so a client tells it apart from a token without the right.
                ProblemMapper.send(ctx.response(), new ProblemDetail(ProblemTypes.ORIGIN_NOT_ALLOWED, "Forbidden", 403,
                        "Requests from this origin are not allowed (CORS)", ctx.request().path(), null));
                return;
            }
            ctx.response().setStatusCode(204)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        if (ok) {
            out.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            out.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
        }
        ctx.next();
    }

    static void varyOnOrigin(MultiMap headers) {
        for (String vary : headers.getAll(HttpHeaders.VARY)) {
            for (String name : vary.split(",")) {
                if (name.trim().equalsIgnoreCase("Origin") || name.trim().equals("*")) {
                    return;
                }
            }
        }
        headers.add(HttpHeaders.VARY, "Origin");
    }
}
