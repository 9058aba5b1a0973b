package io.shiporskip.badge.stats;

import io.shiporskip.model.TokenClaims;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.shiporskip.badge.rest.BadInputException;
import io.shiporskip.badge.rest.ProblemException;
import io.shiporskip.badge.security.MakerAccess;
import io.shiporskip.badge.service.VerdictLookup;
import io.shiporskip.badge.service.VerdictCache;
import io.shiporskip.model.Slugs;
import io.shiporskip.model.ToolRef;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/makers/tools/{slug}/stats} — a tool's badge impressions and clicks for its maker or an admin.
 * Answers from the badges schema; who may read what is api's current answer for the token ({@link MakerAccess}).
 */
@Path("/api/makers/tools")
public class MakerStatsResource {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final StatsService stats;
    private final CurrentIdentityAssociation identities;
    private final VerdictCache verdicts;
    private final MakerAccess access;

    public MakerStatsResource(StatsService stats, CurrentIdentityAssociation identities, VerdictCache verdicts,
            MakerAccess access) {
        this.access = access;
        this.stats = stats;
        this.identities = identities;
        this.verdicts = verdicts;
    }

    @GET
    @Path("/{slug}/stats")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({TokenClaims.MAKER, TokenClaims.ADMIN})
    @Operation(summary = "Badge impressions and clicks of one tool per UTC day (JSON, or the daily rows as CSV)")
    @APIResponse(responseCode = "200", description = "Totals, one row per day (zeros included) with its placements, top "
            + "referrer hosts, placements; as CSV (Accept: text/csv) the daily rows with impressions per placement",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MakerStats.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Malformed slug, from or to, from after to, or more than 366 days",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No valid token (missing, expired, wrong issuer or signature), or one "
            + "api no longer accepts (revoked, account disabled or gone)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Neither an admin nor a maker of this tool, as api's records say now "
            + "(asked with the token, remembered for a few seconds: shiporskip.makers.rights-ttl, default 5 s); a "
            + "revoked maker is refused within that time whatever the token's tools claim says",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "api could not be asked for the caller's current rights (down or "
            + "slow): refused rather than answered on old rights; try again after Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "api knows no tool with this slug (asked after the rights were checked, "
            + "so only its maker or an admin learns it)",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> stats(@PathParam("slug") String slug, @QueryParam("from") List<String> from,
            @QueryParam("to") List<String> to, @Context HttpHeaders headers) {
        // The identity is already established by @RolesAllowed; the deferred form never blocks the event loop.
        return identities.getDeferredIdentity().flatMap(identity -> {
            if (!Slugs.isValid(slug)) {
                throw new BadInputException("slug", "slug must be lower-case kebab case (a-z, 0-9, '-'), at most "
                        + Slugs.MAX_LENGTH + " characters");
            }
            // Rights as api's database holds them now (MakerAccess says how fresh), checked before the dates, so a
            // stranger learns nothing from which 400s they get.
            return access.checkMayReadStats(identity, slug).flatMap(allowed -> answer(slug, from, to, headers));
        });
    }

    private Uni<Response> answer(String slug, List<String> from, List<String> to, HttpHeaders headers) {
        StatsRange range = StatsRange.parse(from, to, LocalDate.now(ZoneOffset.UTC));
        boolean csv = wantsCsv(headers);
        // The verdict cache knows which slugs api has (and remembers unknown ones): a typo is a 404, not a year of
        // zeros. No lookup budget: the caller is signed in. api down since the rights were checked → the counts, which
        // need only our schema.
        return Uni.createFrom().completionStage(verdicts.lookup(slug)).flatMap(lookup -> {
            if (lookup.status() == VerdictLookup.Status.UNKNOWN) {
                throw new ProblemException(404, "unknown tool: " + slug);
            }
            // The name from the verdict (the last known one while api is down); never seen and api down: the slug.
            String name = lookup.found() ? lookup.snapshot().name() : slug;
            return stats.stats(new ToolRef(slug, name), range);
        }).map(report -> (csv
                ? Response.ok(StatsCsv.write(report), StatsCsv.MEDIA_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"" + slug + "-stats-" + range.from() + "-" + range.to() + ".csv\"")
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE))
                .header("Cache-Control", "private, no-store")
                .header("Vary", "Accept, Authorization")
                .build());
    }

    /** CSV when the client's first choice is text/csv or any text type; JSON for no Accept, a full wildcard and the rest. */
    static boolean wantsCsv(HttpHeaders headers) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        return !acceptable.isEmpty() && !acceptable.get(0).isWildcardType() && acceptable.get(0).isCompatible(CSV);
    }
}
