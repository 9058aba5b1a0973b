package io.shiporskip.badge.rest;

import io.shiporskip.model.EmbedSnippets;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.badge.render.Verdicts;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictCache;
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

    /**
     * Ready-to-paste embed codes. The top-level {@code html}, {@code markdown} and {@code iframe} are the {@code auto}
     * ones (they follow the reader's light or dark preference); {@code themes} has each kind for a page with a fixed
     * light or dark background too; {@code picture} switches between the light and dark images with a
     * {@code <picture>} element (GitHub's way in READMEs).
     */
    public record Snippets(String html, String markdown, String iframe, String picture, String badgeUrl, String clickUrl, String embedUrl,
            String alt, Themes themes) {
    }

    /** The three kinds of embed code for one theme. */
    public record ThemeSnippets(String html, String markdown, String iframe) {
    }

    public record Themes(ThemeSnippets light, ThemeSnippets dark, ThemeSnippets auto) {
    }

    private final VerdictCache verdicts;
    private final SiteLinks links;
    private final BadgeConfig config;

    public BadgeJsonResource(VerdictCache verdicts, SiteLinks links, BadgeConfig config) {
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
                .ok(new ShieldsEndpoint(1, Verdicts.BRAND, Verdicts.compactMessage(v), Verdicts.shieldsColor(Verdicts.decision(v)),
                        Math.max(300, config.badge().shieldsCacheSeconds())))
                .header("Cache-Control", config.badge().cacheControl())
                .build());
    }

    @GET
    @Path("/snippets")
    @Operation(summary = "Embed codes: HTML, Markdown and iframe in light, dark and auto, and a light/dark <picture>")
    public Uni<Snippets> snippets(@PathParam("slug") String slug, @Context HttpServerRequest request) {
        RequestValues.slug(slug);
        return verdict(slug, request).map(v -> snippetsFor(v, links));
    }

    /**
     * Every URL carries its placement ({@code src}: site, readme, embed), so impressions and clicks of one snippet
     * are counted together. Alt text and titles name the tool, not its verdict (the image says that, live), so a
     * pasted snippet never goes stale. Images and the frame shrink on narrow screens (max-width:100%).
     */
    static Snippets snippetsFor(VerdictSnapshot v, SiteLinks links) {
        String slug = v.slug();
        String alt = EmbedSnippets.alt(slug, v.name());
        String badge = links.badge(slug);
        String click = links.click(slug);
        String embed = links.embed(slug);
        ThemeSnippets light = themed(Theme.LIGHT, alt, badge, click, embed);
        ThemeSnippets dark = themed(Theme.DARK, alt, badge, click, embed);
        ThemeSnippets auto = themed(Theme.AUTO, alt, badge, click, embed);
        return new Snippets(auto.html(), auto.markdown(), auto.iframe(), EmbedSnippets.picture(alt, badge, click), badge,
                click, embed, alt, new Themes(light, dark, auto));
    }

    private static ThemeSnippets themed(Theme theme, String alt, String badge, String click, String embed) {
        EmbedSnippets.Codes codes = EmbedSnippets.codes(theme.param, alt, badge, click, embed);
        return new ThemeSnippets(codes.html(), codes.markdown(), codes.iframe());
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
