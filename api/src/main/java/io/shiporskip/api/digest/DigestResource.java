package io.shiporskip.api.digest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/digests")
@Tag(name = "Digest", description = "The weekly digest of new verdicts")
public class DigestResource {

    private final DigestService digests;

    public DigestResource(DigestService digests) {
        this.digests = digests;
    }

    @GET
    @Path("/weekly")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWeeklyDigest", summary = "A week's new verdicts, most-shipped first",
            description = "Tools added in the ISO week (UTC) that have a panel verdict.")
    @APIResponse(responseCode = "200", description = "The digest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyDigest.class)))
    @APIResponse(responseCode = "400", description = "The week is malformed; the problem names it")
    public Uni<WeeklyDigest> weekly(@Parameter(description = "ISO week; default the last complete one (UTC)",
            example = "2026-W45", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-W[0-9]{2}$")) @RestQuery String week) {
        return digests.weekly(weekOrDefault(week));
    }

    @GET
    @Path("/weekly.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getWeeklyDigestHtml",
            summary = "The same digest as the HTML the e-mail carries (without the unsubscribe footer)",
            description = "A complete HTML document, for previews and the web archive.")
    @APIResponse(responseCode = "200", description = "The digest as an HTML page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The week is malformed; the problem names it")
    public Uni<String> weeklyHtml(@Parameter(description = "ISO week; default the last complete one (UTC)",
            example = "2026-W45", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-W[0-9]{2}$")) @RestQuery String week) {
        return digests.weekly(weekOrDefault(week)).map(digest -> DigestRenderer.html(digest, null));
    }

    private static IsoWeek weekOrDefault(String week) {
        return week == null || week.isEmpty() ? IsoWeek.lastComplete(Instant.now()) : IsoWeek.parse("week", week);
    }
}
