package io.shiporskip.api.platform;

import io.shiporskip.model.ProblemTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.shiporskip.model.ProblemDetail;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request from an origin outside {@code quarkus.http.cors.origins} with a 403 problem+json. Quarkus's
 * CORS filter refuses such requests with an empty 403 before any exception mapper runs, so this sits ahead of it
 * and refuses only what that filter would refuse too: it lets through every listed origin (exact or /regex/)
 * and, more leniently than the filter, any origin on the request's own host (any scheme or port) and any Origin
 * it cannot parse — those stay the filter's to decide. Every answer gets {@code Vary: Origin}.
 */
@ApplicationScoped
public class CorsRejectionGuard {

    private final boolean enabled;
    private final List<String> origins;
    private final List<Pattern> originPatterns;
    private final byte[] body;

    public CorsRejectionGuard(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins, ObjectMapper json)
            throws JsonProcessingException {
        this.enabled = enabled && origins.isPresent() && !origins.get().contains("*");
        this.origins = origins.orElse(List.of());
        this.originPatterns = CORSFilter.parseAllowedOriginsRegex(origins);
        this.body = json.writeValueAsBytes(new ProblemDetail(ProblemTypes.ORIGIN_NOT_ALLOWED, "Forbidden", 403,
                "Requests from this origin are not allowed (CORS)", null, null));
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(Integer.MIN_VALUE).handler(this::refuseForeignOrigin);
        }
    }

    private void refuseForeignOrigin(RoutingContext context) {
        // The CORS filter reflects the request's Origin into Access-Control-Allow-Origin, so every answer depends on
        // it: caches must key on it (Quarkus does not say so itself).
        context.addHeadersEndHandler(v -> varyOnOrigin(context.response().headers()));
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || origins.contains(origin) || CORSFilter.isOriginAllowedByRegex(originPatterns, origin)
                || sameHostOrUnparsable(context.request(), origin)) {
            context.next();
            return;
        }
        context.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(body));
    }

    private static void varyOnOrigin(io.vertx.core.MultiMap headers) {
        for (String vary : headers.getAll(HttpHeaders.VARY)) {
            for (String name : vary.split(",")) {
                if (name.trim().equalsIgnoreCase("Origin") || name.trim().equals("*")) {
                    return;
                }
            }
        }
        headers.add(HttpHeaders.VARY, "Origin");
    }

    private static boolean sameHostOrUnparsable(HttpServerRequest request, String origin) {
        String originHost;
        try {
            originHost = URI.create(origin.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        String host = request.authority() != null ? request.authority().host() : null;
        return originHost != null && host != null && host.equalsIgnoreCase(originHost);
    }
}
