package io.shiporskip.badge.rest;

import io.shiporskip.model.EmbedSnippets;
import io.shiporskip.badge.config.BadgeConfig;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.badge.render.Verdicts;
import io.shiporskip.badge.service.SiteLinks;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(operationId = "getShieldsEndpoint", summary = "shields.io endpoint document for the verdict (not counted as an impression)",
            description = "For https://img.shields.io/endpoint?url=…: label \"Ship or Skip\", the compact badges' message and "
                    + "their colour; cacheSeconds at least 300 (shields' minimum)")
    @APIResponse(responseCode = "200", description = "The shields.io endpoint document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShieldsEndpoint.class)))
    public Uni<Response> shields(@PathParam("slug") String slug, @Context HttpServerRequest request) {
        RequestValues.slug(slug);
        return verdict(slug, request).map(v -> conditional(request, new ShieldsEndpoint(1, Verdicts.BRAND, Verdicts.compactMessage(v),
                Verdicts.shieldsColor(Verdicts.decision(v)), Math.max(300, config.badge().shieldsCacheSeconds()))));
    }

    @GET
    @Path("/snippets")
    @Operation(operationId = "getEmbedSnippets",
            summary = "Embed codes: HTML, Markdown and iframe in light, dark and auto, and a light/dark <picture>",
            description = "The top-level html, markdown and iframe are the auto ones (they follow the reader's light or dark "
                    + "preference). Every URL carries its placement (src). Texts name the tool, never its verdict, so a pasted "
                    + "code never goes stale.")
    @APIResponse(responseCode = "200", description = "The embed codes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Snippets.class)))
    public Uni<Response> snippets(@PathParam("slug") String slug, @Context HttpServerRequest request) {
        RequestValues.slug(slug);
        return verdict(slug, request).map(v -> conditional(request, snippetsFor(v, links)));
    }

    /**
     * 200 with the document, or 304 when If-None-Match names its tag. The tag digests the record's every component
     * (records print them all), so it changes exactly when the body does.
     */
    private Response conditional(HttpServerRequest request, Record body) {
        String etag = Etags.of(body.toString());
        Response.ResponseBuilder answer = Etags.matches(request.getHeader("If-None-Match"), etag)
                ? Response.notModified() : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return answer.header("ETag", etag).header("Cache-Control", config.badge().cacheControl()).build();
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
        return Uni.createFrom().completionStage(verdicts.lookup(slug, CountingPolicy.address(request)))
                .map(lookup -> VerdictErrors.orProblem(lookup, slug));
    }
}
