package io.shiporskip.badge.rest;

import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.counting.BadgeEventCounter;
import io.shiporskip.badge.counting.EventKind;
import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.counting.Referrers;
import io.shiporskip.badge.counting.Source;
import io.shiporskip.badge.render.EmbedRenderer;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /embed/{slug}} — the iframe widget, the one route any page may frame. Counted as an embed impression. */
@Path("/embed")
public class EmbedResource {

    static final String HTML = "text/html;charset=utf-8";

    private final VerdictService verdicts;
    private final EmbedRenderer renderer;
    private final BadgeEventCounter counter;
    private final SiteLinks links;
    private final String cacheControl;

    public EmbedResource(VerdictService verdicts, EmbedRenderer renderer, BadgeEventCounter counter, SiteLinks links, BadgeConfig config) {
        this.verdicts = verdicts;
        this.renderer = renderer;
        this.counter = counter;
        this.links = links;
        this.cacheControl = config.badge().cacheControl();
    }

    @GET
    @Path("/{slug}")
    @Produces(HTML)
    @Operation(summary = "Verdict widget for an iframe (360x260, no JavaScript)")
    public Uni<Response> embed(@PathParam("slug") String slug, @QueryParam("theme") List<String> themeParam,
            @QueryParam("src") List<String> srcParam, @HeaderParam("User-Agent") String userAgent, @HeaderParam("Referer") String referer) {
        RequestValues.slug(slug);
        Theme theme = RequestValues.theme(themeParam);
        Placement placement = RequestValues.placement(srcParam);
        return Uni.createFrom().completionStage(verdicts.lookup(slug)).map(lookup -> {
            if (lookup.status() == VerdictLookup.Status.UNKNOWN) {
                return page(404, renderer.message("Unknown tool", theme), "no-store");
            }
            if (lookup.status() == VerdictLookup.Status.UNAVAILABLE) {
                return page(503, renderer.message("Verdict unavailable", theme), "no-store");
            }
            counter.record(EventKind.EMBED, slug, Source.fromUserAgent(userAgent), placement, Referrers.host(referer));
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
