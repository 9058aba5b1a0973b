package io.shiporskip.api.digest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.shiporskip.api.platform.HttpCaching;
import io.shiporskip.api.platform.OpenApiContract;
import io.shiporskip.api.platform.Representations;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
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
    private final Representations representations;

    public DigestResource(DigestService digests, Representations representations) {
        this.digests = digests;
        this.representations = representations;
    }

    @GET
    @Path("/weekly")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWeeklyDigest", summary = "A week's new verdicts, most-shipped first",
            description = "Tools added in the ISO week (UTC) that have a panel verdict.")
    @APIResponse(responseCode = "200", description = "The digest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyDigest.class)))
    @APIResponse(responseCode = "400", description = "The week is malformed; the problem names it")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> weekly(@Parameter(description = "ISO week; default the last complete one (UTC)",
            example = "2026-W45", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-W[0-9]{2}$")) @RestQuery String week,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return digests.weekly(weekOrDefault(week))
                .map(digest -> HttpCaching.answer(ifNoneMatch, representations.of(digest), HttpCaching.JSON));
    }

    @GET
    @Path("/weekly.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getWeeklyDigestHtml",
            summary = "The same digest as the HTML the e-mail carries (without the unsubscribe footer)",
            description = "A complete HTML document, for previews and the web archive.")
    @APIResponse(responseCode = "200", description = "The digest as an HTML page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The week is malformed; the problem names it")
    @Extension(name = OpenApiContract.CONDITIONAL, value = "true")
    public Uni<Response> weeklyHtml(@Parameter(description = "ISO week; default the last complete one (UTC)",
            example = "2026-W45", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-W[0-9]{2}$")) @RestQuery String week,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(hidden = true) String ifNoneMatch) {
        return digests.weekly(weekOrDefault(week)).map(digest -> {
            String html = DigestRenderer.html(digest, null);
            return HttpCaching.answer(ifNoneMatch, html, HttpCaching.etag(html), MediaType.TEXT_HTML + ";charset=UTF-8",
                    HttpCaching.REVALIDATE);
        });
    }

    private static IsoWeek weekOrDefault(String week) {
        return week == null || week.isEmpty() ? IsoWeek.lastComplete(Instant.now()) : IsoWeek.parse("week", week);
    }
}
