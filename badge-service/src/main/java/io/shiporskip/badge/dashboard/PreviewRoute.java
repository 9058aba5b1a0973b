package io.shiporskip.badge.dashboard;

import io.quarkus.logging.Log;
import io.shiporskip.badge.render.BadgeStyle;
import io.shiporskip.badge.render.EmbedRenderer;
import io.shiporskip.badge.render.ErrorState;
import io.shiporskip.badge.render.SvgRenderer;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.badge.rest.ProblemMapper;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictCache;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.model.Slugs;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The embed builder's previews: the live badge ({@code /makers/preview/{slug}/badge?style=&theme=}) and widget
 * ({@code /makers/preview/{slug}/widget?theme=}) drawn by the same renderers as the public routes, but <em>not
 * counted</em> — a maker trying styles must not inflate their own numbers — and framable by this service's own pages
 * only. The widget's link goes straight to the review page (no click is counted either). Vert.x routes, because
 * every Quarkus REST answer is refused framing.
 */
@ApplicationScoped
public class PreviewRoute {

    static final String BADGE = "/makers/preview/:slug/badge";
    static final String WIDGET = "/makers/preview/:slug/widget";
    /** Before Quarkus REST and the catch-all 404. */
    static final int ORDER = 1_200;
    static final String SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    static final String WIDGET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";

    private final VerdictCache verdicts;
    private final SvgRenderer svg;
    private final EmbedRenderer widget;
    private final SiteLinks links;

    public PreviewRoute(VerdictCache verdicts, SvgRenderer svg, EmbedRenderer widget, SiteLinks links) {
        this.verdicts = verdicts;
        this.svg = svg;
        this.widget = widget;
        this.links = links;
    }

    static String badgeUrl(String slug, BadgeStyle style, Theme theme) {
        return "/makers/preview/" + slug + "/badge?style=" + style.param + "&theme=" + theme.param;
    }

    static String widgetUrl(String slug, Theme theme) {
        return "/makers/preview/" + slug + "/widget?theme=" + theme.param;
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.GET, BADGE).order(ORDER).handler(ctx -> guarded(ctx, this::badge));
        router.route(HttpMethod.GET, WIDGET).order(ORDER).handler(ctx -> guarded(ctx, this::widget));
    }

    private static void guarded(RoutingContext ctx, Consumer<RoutingContext> handler) {
        try {
            handler.accept(ctx);
        } catch (RuntimeException e) {
            Log.errorf(e, "preview failed for %s", ctx.request().path());
            ProblemMapper.send(ctx.response(), ProblemMapper.problem(500, "Something went wrong on our side", ctx.request().path(), null, null));
        }
    }

    private void badge(RoutingContext ctx) {
        String slug = ctx.pathParam("slug");
        BadgeStyle style = one(ctx, "style") == null ? BadgeStyle.CARD : BadgeStyle.fromParam(one(ctx, "style"));
        Theme theme = one(ctx, "theme") == null ? Theme.LIGHT : Theme.fromParam(one(ctx, "theme"));
        if (!Slugs.isValid(slug) || style == null || theme == null) {
            String field = !Slugs.isValid(slug) ? "slug" : style == null ? "style" : "theme";
            sendSvg(ctx, 400, svg.error(ErrorState.badInput(field), style == null ? BadgeStyle.CARD : style,
                    theme == null ? Theme.LIGHT : theme));
            return;
        }
        withLookup(ctx, slug, lookup -> {
            ErrorState missing = missing(lookup);
            if (missing != null) {
                sendSvg(ctx, missing.status, svg.error(missing, style, theme));
            } else {
                sendSvg(ctx, 200, svg.verdict(lookup.snapshot(), style, theme));
            }
        });
    }

    private void widget(RoutingContext ctx) {
        String slug = ctx.pathParam("slug");
        Theme theme = one(ctx, "theme") == null ? Theme.LIGHT : Theme.fromParam(one(ctx, "theme"));
        if (!Slugs.isValid(slug) || theme == null) {
            sendHtml(ctx, 400, widget.error(ErrorState.badInput(!Slugs.isValid(slug) ? "slug" : "theme"),
                    theme == null ? Theme.LIGHT : theme, null));
            return;
        }
        withLookup(ctx, slug, lookup -> {
            ErrorState missing = missing(lookup);
            if (missing != null) {
                sendHtml(ctx, missing.status, widget.error(missing, theme, null));
            } else {
                sendHtml(ctx, 200, widget.verdict(lookup.snapshot(), theme, links.review(slug)));
            }
        });
    }

    private static ErrorState missing(VerdictLookup lookup) {
        return switch (lookup.status()) {
            case FOUND -> null;
            case UNKNOWN, UNCHECKED -> ErrorState.UNKNOWN_TOOL;
            case UNAVAILABLE -> ErrorState.UNAVAILABLE;
        };
    }

    /** Answers on the request's event loop once the (usually cached) verdict is known. */
    private void withLookup(RoutingContext ctx, String slug, Consumer<VerdictLookup> answer) {
        var future = verdicts.lookup(slug);
        if (future.isDone()) {
            answer.accept(future.join());
            return;
        }
        Context context = Vertx.currentContext();
        future.whenComplete((lookup, failure) -> context.runOnContext(v -> guarded(ctx,
                c -> answer.accept(lookup == null ? VerdictLookup.NOT_AVAILABLE : lookup))));
    }

    private static String one(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static void sendSvg(RoutingContext ctx, int status, byte[] body) {
        HttpServerResponse r = common(ctx.response(), status);
        r.putHeader("Content-Type", "image/svg+xml;charset=utf-8").putHeader("Content-Security-Policy", SVG_CSP)
                .putHeader("X-Frame-Options", "DENY").end(Buffer.buffer(body));
    }

    private static void sendHtml(RoutingContext ctx, int status, String html) {
        HttpServerResponse r = common(ctx.response(), status);
        r.putHeader("Content-Type", "text/html;charset=utf-8").putHeader("Content-Security-Policy", WIDGET_CSP)
                .putHeader("X-Frame-Options", "SAMEORIGIN").end(Buffer.buffer(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpServerResponse common(HttpServerResponse r, int status) {
        // A preview of the live verdict: never stored, never used by another site (same-origin resource policy).
        return r.setStatusCode(status).putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cross-Origin-Resource-Policy", "same-origin").putHeader("Referrer-Policy", "no-referrer");
    }
}
