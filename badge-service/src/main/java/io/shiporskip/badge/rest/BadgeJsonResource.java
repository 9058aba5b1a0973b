package io.shiporskip.badge.rest;

import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.render.Verdicts;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictService;
import io.shiporskip.model.Markup;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import io.shiporskip.badge.counting.CountingPolicy;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /api/badge/{slug}/shields.json} and {@code GET /api/badge/{slug}/snippets}. The SVG itself at
 * {@code /api/badge/{slug}} is {@link BadgeSvgRoute}.
 */
@Path("/api/badge/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class BadgeJsonResource {

    /** A shields.io endpoint-badge document. */
    public record ShieldsEndpoint(int schemaVersion, String label, String message, String color, int cacheSeconds) {
    }

    /** Ready-to-paste embed codes. */
    public record Snippets(String html, String markdown, String iframe, String picture, String badgeUrl, String clickUrl, String embedUrl) {
    }

    private final VerdictService verdicts;
    private final SiteLinks links;
    private final BadgeConfig config;

    public BadgeJsonResource(VerdictService verdicts, SiteLinks links, BadgeConfig config) {
        this.verdicts = verdicts;
        this.links = links;
        this.config = config;
    }

    @GET
    @Path("/shields.json")
    @Operation(summary = "shields.io endpoint document for the verdict (not counted as an impression)")
    public Uni<RestResponse<ShieldsEndpoint>> shields(@PathParam("slug") String slug, @Context HttpServerRequest request) {
        RequestValues.slug(slug);
        return verdict(slug, request).map(v -> RestResponse.ResponseBuilder
                .ok(new ShieldsEndpoint(1, "ship or skip", Verdicts.compactMessage(v), Verdicts.shieldsColor(Verdicts.decision(v)),
                        Math.max(300, config.badge().shieldsCacheSeconds())))
                .header("Cache-Control", config.badge().cacheControl())
                .build());
    }

    @GET
    @Path("/snippets")
    @Operation(summary = "Embed codes: HTML, Markdown, iframe and a light/dark <picture>")
    public Uni<Snippets> snippets(@PathParam("slug") String slug, @Context HttpServerRequest request) {
        RequestValues.slug(slug);
        return verdict(slug, request).map(v -> snippetsFor(v, links));
    }

    static Snippets snippetsFor(VerdictSnapshot v, SiteLinks links) {
        String slug = v.slug();
        String name = Markup.clean(v.name() == null || v.name().isBlank() ? slug : v.name());
        String alt = name + " " + Verdicts.callTitle(v) + " verdict on ShipOrSkip";
        String altHtml = Markup.escape(alt);
        String badge = links.badge(slug);
        String click = links.click(slug);
        String embed = links.embed(slug);
        String html = "<a href=\"" + click + "?src=site\" target=\"_blank\" rel=\"noopener\"><img src=\"" + badge
                + "?src=site\" alt=\"" + altHtml + "\" width=\"360\" height=\"90\" /></a>";
        String markdown = "[![" + markdownText(alt) + "](" + badge + "?src=readme)](" + click + "?src=readme)";
        String iframe = "<iframe src=\"" + embed + "\" title=\"" + Markup.escape(name + " ShipOrSkip verdict")
                + "\" width=\"360\" height=\"260\" style=\"border:0;border-radius:16px;max-width:100%;\" loading=\"lazy\"></iframe>";
        String picture = "<a href=\"" + click + "?src=site\" target=\"_blank\" rel=\"noopener\"><picture>"
                + "<source media=\"(prefers-color-scheme: dark)\" srcset=\"" + badge + "?theme=dark&amp;src=site\" />"
                + "<img src=\"" + badge + "?theme=light&amp;src=site\" alt=\"" + altHtml + "\" width=\"360\" height=\"90\" />"
                + "</picture></a>";
        return new Snippets(html, markdown, iframe, picture, badge, click, embed);
    }

    /**
     * Markdown alt text: markup characters become entities (renderers show them as text) and other ASCII
     * punctuation is backslash-escaped, so a name can neither close the image/link syntax nor smuggle HTML.
     */
    static String markdownText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&') {
                out.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&amp;");
                continue;
            }
            if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private Uni<VerdictSnapshot> verdict(String slug, HttpServerRequest request) {
        return Uni.createFrom().completionStage(verdicts.lookup(slug, CountingPolicy.address(request))).map(lookup -> {
            // UNCHECKED: a never-seen slug past the client's budget of api lookups this minute.
            if (lookup.status() == VerdictLookup.Status.UNKNOWN || lookup.status() == VerdictLookup.Status.UNCHECKED) {
                throw new ProblemException(404, "unknown tool: " + slug);
            }
            if (lookup.status() == VerdictLookup.Status.UNAVAILABLE) {
                throw new ProblemException(503, "verdict unavailable: api cannot be reached");
            }
            return lookup.snapshot();
        });
    }
}
