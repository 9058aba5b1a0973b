package io.shiporskip.badge.rest;

import io.shiporskip.model.ProblemDetail;
import io.vertx.core.http.HttpHeaders;

/** Header names and values shared by the routes, pre-encoded once for the Vert.x hot path. */
final class Headers {

    static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
    static final CharSequence CACHE_CONTROL = HttpHeaders.CACHE_CONTROL;
    static final CharSequence ETAG = HttpHeaders.ETAG;
    static final CharSequence IF_NONE_MATCH = HttpHeaders.IF_NONE_MATCH;
    static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    static final CharSequence FRAME_OPTIONS_NAME = HttpHeaders.createOptimized("X-Frame-Options");
    static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    static final CharSequence ALLOW_ORIGIN_NAME = HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;
    static final CharSequence ANY = HttpHeaders.createOptimized("*");
    static final CharSequence CORP_NAME = HttpHeaders.createOptimized("Cross-Origin-Resource-Policy");
    static final CharSequence CROSS_ORIGIN = HttpHeaders.createOptimized("cross-origin");
    static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    static final CharSequence VARY = HttpHeaders.VARY;
    static final CharSequence ACCEPT = HttpHeaders.ACCEPT;

    static final CharSequence SVG = HttpHeaders.createOptimized("image/svg+xml;charset=utf-8");
    /** Images may carry inline styles (theme switching), never scripts, and may not be framed. */
    static final String SVG_CSP_VALUE = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    static final CharSequence SVG_CSP = HttpHeaders.createOptimized(SVG_CSP_VALUE);
    /** JSON and redirects: nothing to load, nothing to frame. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Our own HTML pages (the click-through's "unknown tool"): inline CSS only, never framed. */
    static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /**
     * The widget: inline CSS only, no scripts. Any page may frame it, so there is no frame-ancestors directive
     * at all ("frame-ancestors *" would still refuse file: and data: pages, e.g. a local test page).
     */
    static final String EMBED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'";

    private Headers() {
    }

    /**
     * Whether an error should be a problem document rather than an image or page: only when the client names JSON
     * (application/json, application/problem+json) and no image type. Browsers loading an {@code <img>} or an iframe
     * never do; {@code *}/{@code *} gets the image.
     */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        return a.contains("json") && !a.contains("image/");
    }

    static boolean wantsJson(io.vertx.core.http.HttpServerRequest request) {
        return wantsJson(request.getHeader(ACCEPT));
    }

    /**
     * The media type of a problem on the routes whose successes are no JSON — the badge image, the widget, the
     * click-through ({@link #answersProblemsAsAsked}): {@code application/problem+json}, unless the client's Accept
     * names {@code application/json} and admits no {@code application/problem+json} (not by name, nor by
     * {@code application/*} or a full wildcard): then the same document as {@code application/json}, the one type it
     * asked for. The OpenAPI document lists both on those routes' errors (OpenApiContract).
     */
    static String problemMediaType(String accept) {
        if (accept == null) {
            return ProblemDetail.MEDIA_TYPE;
        }
        boolean json = false;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
                refused |= parameter.matches("q=0(\\.0{0,3})?");
            }
            if (refused) {
                continue;
            }
            if (type.equals(ProblemDetail.MEDIA_TYPE) || type.equals("application/*") || type.equals("*/*")) {
                return ProblemDetail.MEDIA_TYPE;
            }
            json |= type.equals("application/json");
        }
        return json ? "application/json" : ProblemDetail.MEDIA_TYPE;
    }

    /** The routes {@link #problemMediaType} applies to, by request path: the widget and the click-through (JAX-RS). */
    static boolean answersProblemsAsAsked(String path) {
        return path != null && (path.startsWith("/embed/") || path.startsWith("/api/badge-click/"));
    }
}
