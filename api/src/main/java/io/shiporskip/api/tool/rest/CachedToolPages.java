package io.shiporskip.api.tool.rest;

import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.Representation;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.api.tool.service.ToolService;
import io.shiporskip.model.Slugs;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /api/tools/{slug}} answered on the event loop from the read cache, when the tool's page is cached and the
 * request is the plain one front-ends send: no query, no token, no body, {@code Accept} absent, {@code *}{@code /*} or
 * {@code application/json}. The answer is the one {@link ToolResource#get} gives for the same cached bytes — body,
 * ETag, Cache-Control, Vary, 304 on a matching If-None-Match — so the document describes both; that method answers
 * everything else (a miss, which fills the cache, HEAD, content negotiation, errors).
 * <p>
 * Why: the tool page is the api's hottest read, and Quarkus REST's per-request work (matching, filters, the Uni, the
 * entity writer) was most of its cost on a hit (docs/BENCHMARKS.md, "Reads from bytes"). The CORS, security and metrics
 * handlers run before this route as they do before every route.
 */
@ApplicationScoped
public class CachedToolPages {

    private static final String PATH = "/api/tools/";
    /** Ahead of Quarkus REST's route (order 20 000 and after), behind Quarkus's own filters and the platform guards. */
    private static final int ORDER = 1_100;
    private static final CharSequence JSON = HttpHeaders.createOptimized(HttpCaching.JSON);
    private static final CharSequence REVALIDATE = HttpHeaders.createOptimized(HttpCaching.REVALIDATE);
    private static final CharSequence VARY = HttpHeaders.createOptimized(HttpCaching.VARY);

    private final ToolService catalog;

    public CachedToolPages(ToolService catalog) {
        this.catalog = catalog;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, PATH + ":slug").order(ORDER).handler(this::answer);
    }

    void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        Representation<ToolDetail> page = plain(request) ? cached(request.path()) : null;
        if (page == null) {
            context.next();
            return;
        }
        MultiMap headers = context.response().headers();
        headers.set(HttpHeaders.ETAG, page.etag());
        headers.set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        headers.set(HttpHeaders.VARY, VARY);
        if (HttpCaching.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
            context.response().setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, JSON);
        context.response().end(Buffer.buffer(page.bytes()));
    }

    /** What this route answers exactly as the resource would; anything else is the resource's to decide. */
    private static boolean plain(HttpServerRequest request) {
        if (request.query() != null || request.headers().contains(HttpHeaders.AUTHORIZATION)
                || request.headers().contains(HttpHeaders.CONTENT_TYPE)) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.equals("*/*") || accept.equals("application/json");
    }

    private Representation<ToolDetail> cached(String path) {
        // The raw path, not Vert.x's decoded parameter: "/api/tools/a%2Db" or a trailing slash is the resource's.
        if (!path.startsWith(PATH)) {
            return null;
        }
        String slug = path.substring(PATH.length());
        return Slugs.isValid(slug) ? catalog.cachedDetail(slug) : null;
    }
}
