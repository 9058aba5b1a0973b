package io.shiporskip.api.tool.rest;

import io.shiporskip.api.platform.Params;
import io.shiporskip.api.tool.service.ToolService;
import io.shiporskip.api.tool.repository.ToolCursor;
import io.shiporskip.api.tool.repository.ToolListQuery;
import io.shiporskip.api.tool.repository.ToolSort;
import io.shiporskip.api.platform.Page;
import io.shiporskip.model.ProblemDetail;
import io.shiporskip.api.tool.mapping.ShareText;
import io.shiporskip.api.tool.mapping.ToolDetail;
import io.shiporskip.api.tool.mapping.ToolSummary;
import io.shiporskip.model.VerdictDecision;
import io.shiporskip.model.VerdictSnapshot;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/tools")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tools", description = "Reviewed AI tools and their panel verdicts")
public class ToolResource {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    private final ToolService catalog;

    public ToolResource(ToolService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "List tools", description = "Filter by full-text query, category and panel decision; "
            + "keyset-paginated: pass the returned nextCursor to get the next page (null on the last page).")
    @APIResponse(responseCode = "200", description = "One page of tools")
    @APIResponse(responseCode = "400", description = "A parameter is malformed; the problem names it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Uni<Page<ToolSummary>> list(
            @Parameter(description = "Full-text search over name, vendor, tagline, description and category; words match as prefixes",
                    example = "vision model") @QueryParam("q") String q,
            @Parameter(description = "Exact category, case-insensitive", example = "Developer Tools") @QueryParam("category") String category,
            @Parameter(description = "Panel decision", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"SHIP", "SKIP", "SPLIT", "NONE"})) @QueryParam("decision") String decision,
            @Parameter(description = "Order of the list", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"newest", "score", "ship-percent", "name"}, defaultValue = "newest")) @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ToolSort order = Params.oneOf("sort", sort, ToolSort.class, ToolSort.NEWEST);
        ToolListQuery query = new ToolListQuery(
                Params.optionalText("q", q, 200),
                Params.optionalText("category", category, 60),
                Params.oneOf("decision", decision, VerdictDecision.class, null),
                order,
                Params.intInRange("limit", limit, 1, 100, 20),
                cursor == null || cursor.isEmpty() ? null : ToolCursor.decode(cursor, order));
        return catalog.list(query);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "A tool with its panel verdict, community vote and every review")
    @APIResponse(responseCode = "200", description = "The tool")
    @APIResponse(responseCode = "404", description = "No tool has this slug",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Uni<ToolDetail> get(@Parameter(example = "smolvlm2") @PathParam("slug") String slug) {
        return catalog.detail(Params.slug("slug", slug));
    }

    @GET
    @Path("/{slug}/verdict")
    @Operation(summary = "The compact verdict badges render",
            description = "Carries a version that changes with every change it shows, sent as the ETag: "
                    + "send it back in If-None-Match to get 304 Not Modified.")
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerdictSnapshot.class),
            examples = @ExampleObject(name = "ship", value = """
                    {"slug":"smolvlm2-2b","name":"SmolVLM2-2B","tagline":"2B-parameter vision-language model that runs on your device, not theirs",
                     "decision":"SHIP","ships":3,"skips":1,"shipPercent":75,"meanScore":75.0,"reviewCount":4,
                     "community":{"state":"NO_VOTES","votes":0,"ships":0,"skips":0,"shipPercent":null,"label":"No community votes yet"},
                     "critics":[{"critic":"Builder","score":88,"decision":"SHIP"}],"version":"1-mhx2k1c0"}""")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No tool has this slug",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Uni<Response> verdict(@Parameter(example = "smolvlm2-2b") @PathParam("slug") String slug, Request request) {
        return catalog.verdict(Params.slug("slug", slug)).map(verdict -> {
            EntityTag tag = new EntityTag(verdict.version());
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(verdict);
            return response.tag(tag).cacheControl(REVALIDATE).build();
        });
    }

    @GET
    @Path("/{slug}/alternatives")
    @Operation(summary = "Tools to compare this one with", description = "Same category first, then the panel's favourites.")
    public Uni<List<ToolSummary>> alternatives(@PathParam("slug") String slug,
            @Parameter(description = "How many, 1 to 20", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "5"))
            @QueryParam("limit") String limit) {
        return catalog.alternatives(Params.slug("slug", slug), Params.intInRange("limit", limit, 1, 20, 5));
    }

    @GET
    @Path("/{slug}/share")
    @Operation(summary = "Share text and review page link for a tool's verdict")
    @APIResponse(responseCode = "200", description = "What a share button posts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareText.class),
            examples = @ExampleObject(name = "ship", value = """
                    {"text":"SmolVLM 2.5 verdict: SHIP 🚀 4 ships · 0 skips from the expert panel. Full review: https://shiporskip.example/tool/smolvlm-2-5",
                     "url":"https://shiporskip.example/tool/smolvlm-2-5"}""")))
    public Uni<ShareText> share(@PathParam("slug") String slug) {
        return catalog.share(Params.slug("slug", slug));
    }
}
