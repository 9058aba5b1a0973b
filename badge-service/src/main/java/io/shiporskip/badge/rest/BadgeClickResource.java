package io.shiporskip.badge.rest;

import io.shiporskip.badge.counting.BadgeEventCounter;
import io.shiporskip.badge.counting.EventKind;
import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.counting.Referrers;
import io.shiporskip.badge.counting.Source;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/badge-click/{slug}} — 302 to the tool's review page on the configured site. The target is
 * built from configuration and the validated slug only; an unknown tool gets a 404, never a redirect.
 */
@Path("/api/badge-click")
public class BadgeClickResource {

    private final VerdictService verdicts;
    private final BadgeEventCounter counter;
    private final SiteLinks links;

    public BadgeClickResource(VerdictService verdicts, BadgeEventCounter counter, SiteLinks links) {
        this.verdicts = verdicts;
        this.counter = counter;
        this.links = links;
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Click-through from a badge or widget to the tool's review page (302)")
    @APIResponse(responseCode = "302", description = "Redirect to {site base}/tool/{slug} with UTM tags; counted as a click")
    @APIResponse(responseCode = "400", description = "Malformed slug or unknown src value",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown tool (never redirected)",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> click(@PathParam("slug") String slug, @QueryParam("src") List<String> srcParam,
            @HeaderParam("User-Agent") String userAgent, @HeaderParam("Referer") String referer) {
        RequestValues.slug(slug);
        Placement placement = RequestValues.placement(srcParam);
        return Uni.createFrom().completionStage(verdicts.lookup(slug)).map(lookup -> {
            if (lookup.status() == VerdictLookup.Status.UNKNOWN) {
                throw new ProblemException(404, "unknown tool: " + slug);
            }
            // With api down we cannot tell, but the slug is well-formed and the target is our own site: let the reader through.
            counter.record(EventKind.CLICK, slug, Source.fromUserAgent(userAgent), placement, Referrers.host(referer));
            return Response.status(302)
                    .header("Location", links.review(slug))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer-when-downgrade")
                    .build();
        });
    }
}
