package io.shiporskip.badge.dashboard;

import io.shiporskip.badge.counting.Placement;
import io.shiporskip.badge.render.BadgeStyle;
import io.shiporskip.badge.render.Theme;
import io.shiporskip.badge.rest.BadInputException;
import io.shiporskip.badge.rest.ProblemException;
import io.shiporskip.badge.service.SiteLinks;
import io.shiporskip.badge.service.VerdictCache;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.model.EmbedSnippets;
import io.shiporskip.model.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /makers/snippets/{slug}} — the embed builder's codes for one style, theme and placement, by the one rule
 * ({@link EmbedSnippets}), with where to preview them without counting ({@link PreviewRoute}). Public, like
 * {@code /api/badge/{slug}/snippets}: embed codes are no secret.
 */
@Path("/makers/snippets")
public class MakerSnippetsResource {

    /** The codes of one choice, and previews of what they show (served uncounted). */
    public record BuiltCodes(String slug, String style, String theme, String placement, String html, String markdown,
            String iframe, String previewBadge, String previewWidget) {
    }

    private final VerdictCache verdicts;
    private final SiteLinks links;

    public MakerSnippetsResource(VerdictCache verdicts, SiteLinks links) {
        this.verdicts = verdicts;
        this.links = links;
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "buildEmbedCodes", summary = "Embed codes (HTML, Markdown, iframe) for one badge style, theme and placement")
    @APIResponse(responseCode = "200", description = "The codes and the URLs of their uncounted previews",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BuiltCodes.class)))
    @APIResponse(responseCode = "400", description = "Malformed slug, or a style, theme or src that is not one of the values",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such tool", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "api cannot be reached and the tool was never seen",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> codes(@PathParam("slug") String slug, @QueryParam("style") List<String> styleParam,
            @QueryParam("theme") List<String> themeParam, @QueryParam("src") List<String> srcParam) {
        Choice choice = Choice.parse(slug, single("style", styleParam), single("theme", themeParam), single("src", srcParam));
        return Uni.createFrom().completionStage(verdicts.lookup(slug)).map(lookup -> {
            if (lookup.status() == VerdictLookup.Status.UNKNOWN || lookup.status() == VerdictLookup.Status.UNCHECKED) {
                throw new ProblemException(404, "unknown tool: " + slug);
            }
            if (!lookup.found()) {
                throw new ProblemException(503, "verdict unavailable: api cannot be reached");
            }
            String alt = EmbedSnippets.alt(slug, lookup.snapshot().name());
            String placement = choice.placement().param;
            EmbedSnippets.Codes codes = EmbedSnippets.codes(choice.theme().param, choice.style().param, placement, alt,
                    links.badge(slug), links.click(slug), links.embed(slug));
            BuiltCodes built = new BuiltCodes(slug, choice.style().param, choice.theme().param, placement, codes.html(),
                    codes.markdown(), codes.iframe(), PreviewRoute.badgeUrl(slug, choice.style(), choice.theme()),
                    PreviewRoute.widgetUrl(slug, choice.theme()));
            return Response.ok(built, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-cache").build();
        });
    }

    /** One value or none; a repeated parameter is refused, as on every other route. */
    static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadInputException(name, name + " may be given only once");
        }
        return values.get(0);
    }

    /** A validated choice; the defaults are the card, light, and the maker's site. */
    record Choice(BadgeStyle style, Theme theme, Placement placement) {

        static Choice parse(String slug, String style, String theme, String src) {
            if (!Slugs.isValid(slug)) {
                throw new BadInputException("slug", "slug must be lower-case kebab case (a-z, 0-9, '-'), at most "
                        + Slugs.MAX_LENGTH + " characters");
            }
            BadgeStyle s = style == null ? BadgeStyle.CARD : BadgeStyle.fromParam(style);
            if (s == null) {
                throw new BadInputException("style", "style must be one of " + BadgeStyle.allowed());
            }
            Theme t = theme == null ? Theme.LIGHT : Theme.fromParam(theme);
            if (t == null) {
                throw new BadInputException("theme", "theme must be one of " + Theme.allowed());
            }
            Placement p = src == null ? Placement.SITE : Placement.fromParam(src);
            if (p == null || p == Placement.UNSPECIFIED) {
                throw new BadInputException("src", "src must be one of " + Placement.allowed());
            }
            return new Choice(s, t, p);
        }
    }
}
