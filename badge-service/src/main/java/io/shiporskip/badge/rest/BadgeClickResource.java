package io.shiporskip.badge.rest;

import io.shiporskip.badge.counting.CountingPolicy;
import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.counting.Referrers;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictCache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import io.shiporskip.badge.render.EmbedRenderer;
import io.shiporskip.badge.render.ErrorState;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/badge-click/{slug}} — 302 to the tool's review page on the configured site. The target is
 * built from configuration and the validated slug only; an unknown tool gets a 404, never a redirect. A slug that
 * cannot be checked (api down and never seen, or the client's lookup budget spent) still redirects — the target is
 * our own site — but is not counted, so made-up slugs leave no rows.
 */
@Path("/api/badge-click")
public class BadgeClickResource {

    private final VerdictCache verdicts;
    private final CountingPolicy counting;
    private final SiteLinks links;
    private final EmbedRenderer renderer;

    public BadgeClickResource(VerdictCache verdicts, CountingPolicy counting, SiteLinks links, EmbedRenderer renderer) {
        this.verdicts = verdicts;
        this.counting = counting;
        this.links = links;
        this.renderer = renderer;
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "clickThrough", summary = "Click-through from a badge or widget to the tool's review page (302)",
            description = "The target is built from configuration and the slug only, never from the request. Never cached "
                    + "(each click is counted), so it has no ETag.")
    @APIResponse(responseCode = "302", description = "Redirect to {site base}/tool/{slug} (the review page) with UTM tags; counted as a "
            + "click when it is a top-level navigation within the client's cap on a known tool, otherwise discarded. `via` (a host name) "
            + "credits the click to the site that framed the widget, and counts only when the click's Referer is this service's own "
            + "/embed/{slug}")
    @APIResponse(responseCode = "400", description = "Malformed slug, or an unknown or repeated src")
    @APIResponse(responseCode = "404", description = "Unknown tool, never redirected: a page saying so (with a link to the "
            + "site) for a browser, whose Accept names text/html; a problem for everyone else (application/json when "
            + "Accept names that and admits no application/problem+json)",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> click(@PathParam("slug") String slug, @QueryParam("src") List<String> srcParam,
            @QueryParam("via") List<String> viaParam, @Context HttpServerRequest request) {
        RequestValues.slug(slug);
        Placement placement = RequestValues.placement(srcParam);
        String referrer = referrerHost(slug, viaParam, request);
        return Uni.createFrom().completionStage(verdicts.lookup(slug, CountingPolicy.address(request))).map(lookup -> {
            if (lookup.status() == VerdictLookup.Status.UNKNOWN) {
                return unknownTool(slug, request);
            }
            if (lookup.found()) {
                counting.click(slug, request, placement, referrer);
            } else {
                // We cannot tell whether the tool exists, but the slug is well-formed and the target is our own site:
                // let the reader through, and keep no row for a slug that may be made up.
                counting.unverifiedClick();
            }
            return Response.status(302)
                    .header("Location", links.review(slug))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer-when-downgrade")
                    .build();
        });
    }

    /**
     * A reader who followed a link lands on a page, not on JSON: a browser's navigation names text/html in Accept. API
     * clients (JSON, or no preference) get the problem.
     */
    private Response unknownTool(String slug, HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || Headers.wantsJson(accept) || !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            throw VerdictErrors.problem(ErrorState.UNKNOWN_TOOL, slug);
        }
        return Response.status(404).type(EmbedResource.HTML).entity(renderer.errorPage(ErrorState.UNKNOWN_TOOL, links.home()))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", Headers.PAGE_CSP)
                .header("Vary", "Accept")
                .build();
    }

    /**
     * Whom the click is credited to. A click from inside the widget has this service's own embed URL as its Referer;
     * the site that framed the widget is then the widget link's {@code via} (the host the widget's own load named as
     * its Referer). {@code via} counts only there and only as a host name: a link elsewhere cannot claim a host,
     * and a widget click without one is credited to no host rather than to the badge service. Any other click is
     * credited to its Referer's host, as before.
     */
    private String referrerHost(String slug, List<String> viaParam, HttpServerRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (!links.isOwnWidget(referer, slug)) {
            return Referrers.host(referer);
        }
        return viaParam == null || viaParam.size() != 1 ? Referrers.NONE : Referrers.validHost(viaParam.get(0));
    }
}
