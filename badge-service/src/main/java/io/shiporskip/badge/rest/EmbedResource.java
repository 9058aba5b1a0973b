package io.shiporskip.badge.rest;

import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.counting.CountingPolicy;
import io.shiporskip.badge.counting.EventKind;
import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.counting.Source;
import io.shiporskip.badge.render.EmbedRenderer;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictService;
import io.smallrye.mutiny.Uni;
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

/** {@code GET /embed/{slug}} — the iframe widget, the one route any page may frame. Counted as an embed impression. */
@Path("/embed")
public class EmbedResource {

    static final String HTML = "text/html;charset=utf-8";

    private final VerdictService verdicts;
    private final EmbedRenderer renderer;
    private final CountingPolicy counting;
    private final SiteLinks links;
    private final String cacheControl;

    public EmbedResource(VerdictService verdicts, EmbedRenderer renderer, CountingPolicy counting, SiteLinks links, BadgeConfig config) {
        this.verdicts = verdicts;
        this.renderer = renderer;
        this.counting = counting;
        this.links = links;
        this.cacheControl = config.badge().cacheControl();
    }

    @GET
    @Path("/{slug}")
    @Produces(HTML)
    @Operation(summary = "Verdict widget for an iframe (360x260, no JavaScript)")
    public Uni<Response> embed(@PathParam("slug") String slug, @QueryParam("theme") List<String> themeParam,
            @QueryParam("src") List<String> srcParam, @Context HttpServerRequest request) {
        RequestValues.slug(slug);
        Theme theme = RequestValues.theme(themeParam);
        Placement placement = RequestValues.placement(srcParam);
        String address = CountingPolicy.address(request);
        Source source = counting.source(request, address);
        return Uni.createFrom().completionStage(verdicts.lookup(slug, source == Source.GITHUB_CAMO ? null : address)).map(lookup -> {
            // UNCHECKED: a never-seen slug past the client's budget of api lookups this minute.
            if (lookup.status() == VerdictLookup.Status.UNKNOWN || lookup.status() == VerdictLookup.Status.UNCHECKED) {
                return page(404, renderer.message("Unknown tool", theme), "no-store");
            }
            if (lookup.status() == VerdictLookup.Status.UNAVAILABLE) {
                return page(503, renderer.message("Verdict unavailable", theme), "no-store");
            }
            counting.impression(EventKind.EMBED, slug, request, address, source, placement);
            String click = links.click(slug) + "?src=embed";
            return page(200, renderer.verdict(lookup.snapshot(), theme, click), cacheControl);
        });
    }

    private static Response page(int status, String html, String cacheControl) {
        return Response.status(status).type(HTML).entity(html)
                .header("Cache-Control", cacheControl)
                .header("Content-Security-Policy", Headers.EMBED_CSP)
                .build();
    }
}
