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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(operationId = "getWidget",
            summary = "Verdict widget for an iframe (360x260, no JavaScript); errors are HTML cards (problem+json when asked for)",
            description = "Counted as an embed impression (a 304 too), except on our own pages (`preview=own`, or a Referer "
                    + "whose origin is the site's or this service's). Every error is a designed HTML card that renders in the "
                    + "frame, unless Accept names application/json or application/problem+json: then it is a problem, "
                    + "labelled application/json when Accept names that and admits no application/problem+json.")
    @APIResponse(responseCode = "200", description = "The widget. Its ETag changes with the verdict, the theme, the placement "
            + "and the framing page's host (the widget's link names it)", content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Malformed slug, or an unknown or repeated theme or src: a card saying which",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown tool: a card saying so",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "api unreachable and no verdict known: a card that still links to the review",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> embed(@PathParam("slug") String slug, @QueryParam("theme") List<String> themeParam,
            @QueryParam("src") List<String> srcParam,
            @Parameter(description = "`own` marks a preview on Ship or Skip's own pages: counted nowhere (discarded as own-page), "
                    + "and the widget links straight to the review page", schema = @Schema(type = SchemaType.STRING, enumeration = "own"))
            @QueryParam("preview") String previewParam, @Context HttpServerRequest request) {
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
            ErrorState missing = VerdictErrors.of(lookup);
            if (missing != null) {
                if (json) {
                    throw VerdictErrors.problem(missing, slug);
                }
                // While verdicts cannot be read, the click route still leads readers to the review.
                String link = missing == ErrorState.UNAVAILABLE ? links.widgetClick(slug, counted, null) : null;
                return page(missing.status, renderer.error(missing, theme, link), "no-store");
            }
            // Counted whether or not the page is sent: a 304 is still a view.
            counting.impression(EventKind.EMBED, slug, request, address, source, counted);
            String host = Referrers.host(request.getHeader(HttpHeaders.REFERER));
            // Our own pages' preview links straight to the review page: a reader already on it is no click-through.
            String link = counting.fromOwnPage(request) ? links.review(slug) : links.widgetClick(slug, counted, host);
            String html = renderer.verdict(lookup.snapshot(), theme, link);
            // The tag digests the page itself: it differs per theme, placement and embedding host, as the page does.
            String etag = Etags.of(html);
            if (Etags.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                return headers(Response.notModified(), cacheControl).header("ETag", etag).build();
            }
            return headers(Response.status(200).type(HTML).entity(html), cacheControl).header("ETag", etag).build();
        });
    }

    private static Response page(int status, String html, String cacheControl) {
        return headers(Response.status(status).type(HTML).entity(html), cacheControl).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder answer, String cacheControl) {
        return answer.header("Cache-Control", cacheControl)
                .header("Content-Security-Policy", Headers.EMBED_CSP)
                .header("Vary", "Accept, Referer")
                // The widget's click must carry its full URL as Referer, whatever the browser's default policy:
                // that is how the click route knows it came from the widget (and nothing leaves for other origins).
                .header("Referrer-Policy", "same-origin");
    }
}
