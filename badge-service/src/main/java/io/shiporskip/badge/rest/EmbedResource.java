package io.shiporskip.badge.rest;

import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.counting.CountingPolicy;
import io.shiporskip.badge.counting.EventKind;
import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.counting.Referrers;
import io.shiporskip.badge.counting.Source;
import io.shiporskip.badge.render.EmbedRenderer;
import io.shiporskip.badge.render.ErrorState;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictCache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /embed/{slug}} — the iframe widget, the one route any page may frame. Counted as an embed impression,
 * placement {@code embed} unless {@code src} says otherwise, credited to the embedding page's host (the Referer of
 * the widget's load). The widget's link carries that host ({@code via}) so a click from inside the frame — whose
 * own Referer is this service's embed URL — is credited to the embedding site too (see {@link BadgeClickResource}).
 * Every error is an HTML card that renders in the frame; the problem document only for clients that ask for JSON.
 */
@Path("/embed")
public class EmbedResource {

    static final String HTML = "text/html;charset=utf-8";

    private final VerdictCache verdicts;
    private final EmbedRenderer renderer;
    private final CountingPolicy counting;
    private final SiteLinks links;
    private final String cacheControl;

    public EmbedResource(VerdictCache verdicts, EmbedRenderer renderer, CountingPolicy counting, SiteLinks links, BadgeConfig config) {
        this.verdicts = verdicts;
        this.renderer = renderer;
        this.counting = counting;
        this.links = links;
        this.cacheControl = config.badge().cacheControl();
    }

    @GET
    @Path("/{slug}")
    // The problem types only for clients that ask for JSON: their errors stay problem documents.
    @Produces({HTML, "application/problem+json", "application/json"})
    @Operation(summary = "Verdict widget for an iframe (360x260, no JavaScript); errors are HTML cards (problem+json when asked for)")
    public Uni<Response> embed(@PathParam("slug") String slug, @QueryParam("theme") List<String> themeParam,
            @QueryParam("src") List<String> srcParam, @Context HttpServerRequest request) {
        boolean json = Headers.wantsJson(request);
        Theme theme;
        Placement placement;
        try {
            RequestValues.slug(slug);
            theme = RequestValues.theme(themeParam);
            placement = RequestValues.placement(srcParam);
        } catch (BadInputException e) {
            if (json) {
                throw e;
            }
            Theme shown = Theme.closest(themeParam == null || themeParam.isEmpty() ? null : themeParam.get(0));
            return Uni.createFrom().item(page(400, renderer.error(ErrorState.badInput(e.field()), shown, null), "no-store"));
        }
        Placement counted = placement == Placement.UNSPECIFIED ? Placement.EMBED : placement;
        String address = CountingPolicy.address(request);
        Source source = counting.source(request, address);
        return Uni.createFrom().completionStage(verdicts.lookup(slug, source == Source.GITHUB_CAMO ? null : address)).map(lookup -> {
            // UNCHECKED: a never-seen slug past the client's budget of api lookups this minute.
            if (lookup.status() == VerdictLookup.Status.UNKNOWN || lookup.status() == VerdictLookup.Status.UNCHECKED) {
                if (json) {
                    throw new ProblemException(404, "unknown tool: " + slug);
                }
                return page(404, renderer.error(ErrorState.UNKNOWN_TOOL, theme, null), "no-store");
            }
            if (lookup.status() == VerdictLookup.Status.UNAVAILABLE) {
                if (json) {
                    throw new ProblemException(503, "verdict unavailable: api cannot be reached");
                }
                // The click route still leads readers to the review while verdicts cannot be read.
                return page(503, renderer.error(ErrorState.UNAVAILABLE, theme, links.widgetClick(slug, counted, null)), "no-store");
            }
            counting.impression(EventKind.EMBED, slug, request, address, source, counted);
            String host = Referrers.host(request.getHeader(HttpHeaders.REFERER));
            return page(200, renderer.verdict(lookup.snapshot(), theme, links.widgetClick(slug, counted, host)), cacheControl);
        });
    }

    private static Response page(int status, String html, String cacheControl) {
        return Response.status(status).type(HTML).entity(html)
                .header("Cache-Control", cacheControl)
                .header("Content-Security-Policy", Headers.EMBED_CSP)
                .header("Vary", "Accept, Referer")
                // The widget's click must carry its full URL as Referer, whatever the browser's default policy:
                // that is how the click route knows it came from the widget (and nothing leaves for other origins).
                .header("Referrer-Policy", "same-origin")
                .build();
    }
}
